import { tieCost } from '../graph.js';
import type { ProjectionGraph } from './graph.js';

/** What a walk may use: which actors it may step onto and which tie types it follows. */
export interface WalkRules {
  /** 1 where a walk may step onto the actor (live, in scope, not excluded). */
  steppable: Uint8Array;
  /** 1 per allowed relationship type code. */
  types: Uint8Array;
  maxHops: number;
  weighted: boolean;
}

export interface FoundPath {
  nodes: number[];
  edges: number[];
  cost: number;
}

/**
 * Work counter shared by every search of one question: the abuse guard. It counts steps,
 * not milliseconds, so a loaded machine gives the same answer as a quiet one, only later.
 */
export class Budget {
  exhausted = false;
  constructor(public left: number) {}
  spend(n: number): boolean {
    this.left -= n;
    if (this.left < 0) this.exhausted = true;
    return !this.exhausted;
  }
}

/** Sized so the largest supported workspace (400,000 actors, 2M ties) finishes any legitimate question. */
export const SEARCH_STEPS = 20_000_000;

const UNREACHED = 0x7fffffff;

/**
 * Hops from every actor to `target` (at most maxHops), walking only steppable actors in
 * between: a lower bound on the hops left for any search towards the target, however many
 * actors and ties a later search blocks. Actors that may not be stepped onto get a
 * distance (they may be where a path starts) but are not walked through. `depth` stops the
 * walk early (one question between two actors needs only the ball around the target: the
 * search from the other end meets it), while many searches to one target (leverage) share
 * the full map.
 */
export function hopsToTarget(g: ProjectionGraph, rules: WalkRules, target: number, budget: Budget, depth = rules.maxHops): Int32Array {
  const dist = new Int32Array(g.actorCount).fill(UNREACHED);
  dist[target] = 0;
  let frontier = [target];
  const limit = Math.min(depth, rules.maxHops);
  let d = 0;
  for (; d < limit && frontier.length; d++) {
    const next: number[] = [];
    for (const v of frontier) {
      if (v !== target && !rules.steppable[v]) continue;
      let steps = 0;
      g.forEachTie(v, (e, u) => {
        steps++;
        if (dist[u] !== UNREACHED || !rules.types[g.type[e]!] || !g.isAlive(u)) return;
        dist[u] = d + 1;
        next.push(u);
      });
      if (!budget.spend(steps + 1)) return dist;
    }
    frontier = next;
  }
  // Stopped by the depth, not by running out: an actor not reached is at least one further
  // (still a consistent estimate, weaker than the full distance but far cheaper to get).
  if (frontier.length && d < rules.maxHops) for (let v = 0; v < dist.length; v++) if (dist[v] === UNREACHED) dist[v] = d + 1;
  return dist;
}

/** A binary min-heap of search states ordered by (key, tie). */
export class Heap {
  private items: number[] = [];
  constructor(
    private readonly key: Float64Array | number[],
    private readonly tie: Int32Array | number[],
  ) {}
  get size() {
    return this.items.length;
  }
  private less(a: number, b: number) {
    const ka = this.key[a]!;
    const kb = this.key[b]!;
    return ka < kb || (ka === kb && (this.tie[a]! < this.tie[b]! || (this.tie[a] === this.tie[b] && a < b)));
  }
  push(s: number) {
    const h = this.items;
    h.push(s);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }
  pop(): number {
    const h = this.items;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
        if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}

/**
 * Reusable per-question scratch space: "which search last touched this actor" stamps, so a
 * search costs what it visits, not a pass over every actor to reset.
 */
export class Scratch {
  readonly stamp: Int32Array;
  readonly minHops: Int32Array;
  readonly blockedStamp: Int32Array;
  search = 0;
  constructor(n: number) {
    this.stamp = new Int32Array(n);
    this.minHops = new Int32Array(n);
    this.blockedStamp = new Int32Array(n);
  }
}

/**
 * The cheapest loopless path from `start` to `target` (fewest hops breaking ties) of at most
 * `hopsLeft` hops, not stepping onto blocked actors nor using blocked ties: A* over
 * (actor, hops) states with the hop distance to the target as its (consistent) estimate,
 * each step costing 1, or 1 … 2 by strength when weighted. A state is dropped when the same
 * actor was already reached as cheaply in as few hops. Unweighted, this is a breadth-first
 * search steered straight at the target; weighted, Dijkstra bounded in hops.
 */
export function cheapestPath(
  g: ProjectionGraph,
  rules: WalkRules,
  toTarget: Int32Array,
  scratch: Scratch,
  start: number,
  target: number,
  hopsLeft: number,
  blockedNodes: number[],
  blockedEdges: Set<number>,
  budget: Budget,
): FoundPath | null {
  if (toTarget[start]! > hopsLeft) return null;
  const id = ++scratch.search;
  for (const v of blockedNodes) scratch.blockedStamp[v] = id;
  const node: number[] = [start];
  const hops: number[] = [0];
  const cost: number[] = [0];
  const parent: number[] = [-1];
  const via: number[] = [-1];
  const key: number[] = [toTarget[start]!];
  // Weighted: fewer hops first among equal estimates (the tie-break of the answer).
  // Unweighted: cost is hops, so going deeper first reaches the target soonest.
  const tie: number[] = [0];
  const heap = new Heap(key, tie);
  heap.push(0);
  let reached = -1;
  const pathTo = (s: number): FoundPath => {
    const nodes: number[] = [];
    const edges: number[] = [];
    for (let x = s; x !== -1; x = parent[x]!) {
      nodes.push(node[x]!);
      if (via[x] !== -1) edges.push(via[x]!);
    }
    return { nodes: nodes.reverse(), edges: edges.reverse(), cost: cost[s]! };
  };
  while (heap.size) {
    const s = heap.pop();
    const v = node[s]!;
    const h = hops[s]!;
    if (scratch.stamp[v] === id && h >= scratch.minHops[v]!) continue;
    scratch.stamp[v] = id;
    scratch.minHops[v] = h;
    if (v === target) return pathTo(s);
    if (h >= hopsLeft) continue;
    let steps = 0;
    g.forEachTie(v, (e, u) => {
      steps++;
      if (!rules.types[g.type[e]!] || blockedEdges.has(e)) return;
      if (!rules.steppable[u]) return;
      if (scratch.blockedStamp[u] === id) return;
      const left = toTarget[u]!;
      if (left === UNREACHED || h + 1 + left > hopsLeft) return;
      if (scratch.stamp[u] === id && h + 1 >= scratch.minHops[u]!) return;
      const c = cost[s]! + (rules.weighted ? tieCost(g.strength[e]!) : 1);
      // Unweighted, reaching the target from the state with the least estimate is already
      // the best (its estimate was 1, so nothing left in the heap does better): stop here.
      if (u === target && !rules.weighted && reached === -1) reached = node.length;
      const t = node.length;
      node.push(u);
      hops.push(h + 1);
      cost.push(c);
      parent.push(s);
      via.push(e);
      key.push(c + left);
      tie.push(rules.weighted ? h + 1 : -(h + 1));
      heap.push(t);
    });
    if (!budget.spend(steps + 1)) return null;
    if (reached !== -1) return pathTo(reached);
  }
  return null;
}

/**
 * Yen's k shortest loopless paths over the projection: the best path, then for each path
 * found, every deviation from it (a spur from each of its actors avoiding the ties the paths
 * so far take there and the actors before the spur), the best deviation joining the answer
 * next. Exact for both modes; ordered by cost, then hops, then the order found.
 */
export function kShortestPaths(
  g: ProjectionGraph,
  rules: WalkRules,
  start: number,
  target: number,
  k: number,
  budget: Budget,
  shared?: { toTarget: Int32Array; scratch: Scratch },
): FoundPath[] {
  if (start === target || !rules.steppable[target]) return [];
  const toTarget = shared?.toTarget ?? hopsToTarget(g, rules, target, budget, Math.ceil(rules.maxHops / 2));
  const scratch = shared?.scratch ?? new Scratch(g.actorCount);
  const first = cheapestPath(g, rules, toTarget, scratch, start, target, rules.maxHops, [], new Set(), budget);
  if (!first) return [];
  const found: FoundPath[] = [first];
  const seen = new Set<string>([first.edges.join(',')]);
  const candidates: Array<FoundPath & { order: number }> = [];
  let order = 0;
  while (found.length < k && !budget.exhausted) {
    const last = found[found.length - 1]!;
    for (let i = 0; i < last.edges.length && !budget.exhausted; i++) {
      const spur = last.nodes[i]!;
      const rootEdges = last.edges.slice(0, i);
      const blockedEdges = new Set<number>();
      for (const p of found) if (p.edges.length > i && sameStart(p.edges, rootEdges)) blockedEdges.add(p.edges[i]!);
      const rootNodes = last.nodes.slice(0, i);
      const rest = cheapestPath(g, rules, toTarget, scratch, spur, target, rules.maxHops - i, rootNodes, blockedEdges, budget);
      if (!rest) continue;
      const edges = [...rootEdges, ...rest.edges];
      const signature = edges.join(',');
      if (seen.has(signature)) continue;
      seen.add(signature);
      let rootCost = 0;
      for (const e of rootEdges) rootCost += rules.weighted ? tieCost(g.strength[e]!) : 1;
      candidates.push({ nodes: [...rootNodes, ...rest.nodes], edges, cost: rootCost + rest.cost, order: order++ });
    }
    if (candidates.length === 0) break;
    let best = 0;
    for (let j = 1; j < candidates.length; j++) {
      const a = candidates[j]!;
      const b = candidates[best]!;
      if (
        a.cost < b.cost ||
        (a.cost === b.cost && (a.edges.length < b.edges.length || (a.edges.length === b.edges.length && a.order < b.order)))
      )
        best = j;
    }
    const [next] = candidates.splice(best, 1);
    found.push({ nodes: next!.nodes, edges: next!.edges, cost: next!.cost });
  }
  return found;
}

function sameStart(edges: number[], root: number[]): boolean {
  for (let i = 0; i < root.length; i++) if (edges[i] !== root[i]) return false;
  return true;
}

/** Actors within `depth` hops of `center` over live ties of any type, the centre first. */
export function around(g: ProjectionGraph, center: number, depth: number): number[] {
  const seen = new Set<number>([center]);
  const order = [center];
  let frontier = [center];
  for (let d = 0; d < depth && frontier.length; d++) {
    const next: number[] = [];
    for (const v of frontier) {
      g.forEachTie(v, (_e, u) => {
        if (seen.has(u) || !g.isAlive(u)) return;
        seen.add(u);
        order.push(u);
        next.push(u);
      });
    }
    frontier = next;
  }
  return order;
}
