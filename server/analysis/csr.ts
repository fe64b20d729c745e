import type { CompactScope } from './compact.js';
import { EXACT_LIMIT, pickSources, SAMPLE_SEED, sampleSizeFor, type Centrality } from './centrality.js';
import { tieCost } from './graph.js';

/**
 * The scope as a compressed sparse row graph: the same undirected simple graph as
 * `graphOf` (several ties between a pair are one edge, strengths summed, the smallest cost
 * kept, self-ties dropped), held in typed arrays so the whole-scope measures walk flat
 * memory instead of graphology's per-node maps. Neighbours of v are
 * targets[offsets[v] … offsets[v+1]), each with its strength and cost.
 */
export interface Csr {
  n: number;
  /** Undirected edges (each stored twice, once per end). */
  edgeCount: number;
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
  costs: Float64Array;
}

/**
 * `shared`: the arrays live in SharedArrayBuffers, so the graph built on a worker thread
 * goes back to the request thread without a copy and is handed to later questions (on any
 * thread) without one either: it is read-only once built.
 */
export function buildCsr(scope: Pick<CompactScope, 'ids' | 'from' | 'to' | 'strength'>, shared = false): Csr {
  const n = scope.ids.length;
  const { from, to, strength } = scope;
  // Merge parallel ties: key each unordered pair once.
  const pairIndex = new Map<number, number>();
  const a: number[] = [];
  const b: number[] = [];
  const w: number[] = [];
  const c: number[] = [];
  for (let i = 0; i < from.length; i++) {
    let x = from[i]!;
    let y = to[i]!;
    if (x === y) continue;
    if (x > y) [x, y] = [y, x];
    const key = x * n + y;
    const s = strength[i]!;
    const at = pairIndex.get(key);
    if (at === undefined) {
      pairIndex.set(key, a.length);
      a.push(x);
      b.push(y);
      w.push(s);
      c.push(tieCost(s));
    } else {
      w[at]! += s;
      c[at] = Math.min(c[at]!, tieCost(s));
    }
  }
  const m = a.length;
  const ints = (length: number) => (shared ? new Int32Array(new SharedArrayBuffer(4 * length)) : new Int32Array(length));
  const floats = (length: number) => (shared ? new Float64Array(new SharedArrayBuffer(8 * length)) : new Float64Array(length));
  const offsets = ints(n + 1);
  for (let i = 0; i < m; i++) {
    offsets[a[i]! + 1]!++;
    offsets[b[i]! + 1]!++;
  }
  for (let v = 0; v < n; v++) offsets[v + 1]! += offsets[v]!;
  const fill = offsets.slice(0, n);
  const targets = ints(2 * m);
  const weights = floats(2 * m);
  const costs = floats(2 * m);
  for (let i = 0; i < m; i++) {
    const x = a[i]!;
    const y = b[i]!;
    let p = fill[x]!++;
    targets[p] = y;
    weights[p] = w[i]!;
    costs[p] = c[i]!;
    p = fill[y]!++;
    targets[p] = x;
    weights[p] = w[i]!;
    costs[p] = c[i]!;
  }
  return { n, edgeCount: m, offsets, targets, weights, costs };
}

/** The memory a CSR holds. */
export const csrBytes = (g: Csr): number => g.offsets.byteLength + g.targets.byteLength + g.weights.byteLength + g.costs.byteLength;

/**
 * Weighted betweenness by Brandes' algorithm with Dijkstra on the CSR, normalised as
 * `betweenness` in centrality.ts (0…1). Every buffer (distances, path counts, the heap, the
 * visit stack, the predecessor lists) is allocated once and reused for every source.
 * Predecessors are not stored: on the way back a node's predecessors are the neighbours u
 * with dist[u] + cost = dist[w], found again from the CSR.
 */
export function csrBetweenness(
  g: Csr,
  options: { exactLimit?: number; sampleSize?: number; seed?: number } = {},
): { values: Float64Array; mode: 'exact' | 'sampled'; sampleSize: number; sources: number[] } {
  const { n, offsets, targets, costs } = g;
  const values = new Float64Array(n);
  if (n === 0) return { values, mode: 'exact', sampleSize: 0, sources: [] };
  const sampled = n > (options.exactLimit ?? EXACT_LIMIT);
  const k = options.sampleSize ?? sampleSizeFor(n, g.edgeCount);
  const sources = sampled ? pickSources(n, Math.min(n, k), options.seed ?? SAMPLE_SEED) : Array.from({ length: n }, (_, i) => i);
  const dist = new Float64Array(n);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const settled = new Uint8Array(n);
  const stack = new Int32Array(n);
  // Binary heap of (distance, node), with lazy deletion: a node may sit in it more than once.
  let heapNode = new Int32Array(Math.max(16, 2 * g.edgeCount + 1));
  let heapKey = new Float64Array(heapNode.length);
  for (const s of sources) {
    dist.fill(Infinity);
    sigma.fill(0);
    settled.fill(0);
    dist[s] = 0;
    sigma[s] = 1;
    let top = 0;
    heapNode[0] = s;
    heapKey[0] = 0;
    let size = 1;
    while (size > 0) {
      const v: number = heapNode[0]!;
      const dv: number = heapKey[0]!;
      // pop
      size--;
      if (size > 0) {
        const lastNode = heapNode[size]!;
        const lastKey = heapKey[size]!;
        let i = 0;
        for (;;) {
          const l = 2 * i + 1;
          if (l >= size) break;
          const r = l + 1;
          const child = r < size && heapKey[r]! < heapKey[l]! ? r : l;
          if (heapKey[child]! >= lastKey) break;
          heapNode[i] = heapNode[child]!;
          heapKey[i] = heapKey[child]!;
          i = child;
        }
        heapNode[i] = lastNode;
        heapKey[i] = lastKey;
      }
      if (settled[v] || dv > dist[v]!) continue;
      settled[v] = 1;
      stack[top++] = v;
      for (let p: number = offsets[v]!, end: number = offsets[v + 1]!; p < end; p++) {
        const u = targets[p]!;
        if (settled[u]) continue;
        const du = dv + costs[p]!;
        const old = dist[u]!;
        if (du < old) {
          dist[u] = du;
          sigma[u] = sigma[v]!;
          if (size >= heapNode.length) {
            const grownNode = new Int32Array(heapNode.length * 2);
            grownNode.set(heapNode);
            heapNode = grownNode;
            const grownKey = new Float64Array(heapKey.length * 2);
            grownKey.set(heapKey);
            heapKey = grownKey;
          }
          let i = size++;
          while (i > 0) {
            const parent = (i - 1) >> 1;
            if (heapKey[parent]! <= du) break;
            heapNode[i] = heapNode[parent]!;
            heapKey[i] = heapKey[parent]!;
            i = parent;
          }
          heapNode[i] = u;
          heapKey[i] = du;
        } else if (du === old) {
          sigma[u]! += sigma[v]!;
        }
      }
    }
    for (let i = 0; i < top; i++) delta[stack[i]!] = 0;
    while (top > 0) {
      const w = stack[--top]!;
      const coefficient = (1 + delta[w]!) / sigma[w]!;
      const dw = dist[w]!;
      for (let p = offsets[w]!, end = offsets[w + 1]!; p < end; p++) {
        const v = targets[p]!;
        if (dist[v]! + costs[p]! === dw) delta[v]! += sigma[v]! * coefficient;
      }
      if (w !== s) values[w]! += delta[w]!;
    }
  }
  const scale = n <= 2 ? 0 : (sampled ? n / sources.length : 1) / ((n - 1) * (n - 2));
  for (let i = 0; i < n; i++) values[i]! *= scale;
  return { values, mode: sampled ? 'sampled' : 'exact', sampleSize: sources.length, sources };
}

/**
 * PageRank weighted by strength (damping 0.85; an actor without ties hands its rank to
 * everyone alike), iterated until the ranks move less than 1e-6 in sum, as graphology-metrics does.
 */
export function csrPagerank(g: Csr, alpha = 0.85, tolerance = 1e-6, maxIterations = 100): Float64Array {
  const { n, offsets, targets, weights } = g;
  const rank = new Float64Array(n).fill(n === 0 ? 0 : 1 / n);
  if (n === 0) return rank;
  const outWeight = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    let sum = 0;
    for (let p = offsets[v]!; p < offsets[v + 1]!; p++) sum += weights[p]!;
    outWeight[v] = sum;
  }
  const next = new Float64Array(n);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let dangling = 0;
    for (let v = 0; v < n; v++) if (outWeight[v] === 0) dangling += rank[v]!;
    const base = (1 - alpha) / n + (alpha * dangling) / n;
    next.fill(base);
    for (let v = 0; v < n; v++) {
      const out = outWeight[v]!;
      if (out === 0) continue;
      const share = (alpha * rank[v]!) / out;
      for (let p = offsets[v]!; p < offsets[v + 1]!; p++) next[targets[p]!]! += share * weights[p]!;
    }
    let change = 0;
    for (let v = 0; v < n; v++) {
      change += Math.abs(next[v]! - rank[v]!);
      rank[v] = next[v]!;
    }
    if (change < n * tolerance) break;
  }
  return rank;
}

/**
 * Closeness over hop distances, each component on its own with Wasserman–Faust scaling
 * (as networkx). From every actor when `sources` is null; otherwise estimated from the
 * distances to the sampled sources only, as `sampledCloseness` in centrality.ts.
 */
export function csrCloseness(g: Csr, sources: number[] | null): Float64Array {
  const { n, offsets, targets } = g;
  const out = new Float64Array(n);
  if (n === 0) return out;
  const dist = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const total = new Float64Array(n);
  const reached = new Float64Array(n);
  const from = sources ?? Array.from({ length: n }, (_, i) => i);
  for (const s of from) {
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    dist[s] = 0;
    let sum = 0;
    while (head < tail) {
      const v = queue[head++]!;
      const dv = dist[v]!;
      if (sources) {
        if (v !== s) {
          total[v]! += dv;
          reached[v]!++;
        }
      } else sum += dv;
      for (let p = offsets[v]!; p < offsets[v + 1]!; p++) {
        const u = targets[p]!;
        if (dist[u] === -1) {
          dist[u] = dv + 1;
          queue[tail++] = u;
        }
      }
    }
    if (!sources) out[s] = sum === 0 || n === 1 ? 0 : ((tail - 1) / sum) * ((tail - 1) / (n - 1));
    for (let i = 0; i < tail; i++) dist[queue[i]!] = -1;
  }
  if (sources) for (let v = 0; v < n; v++) out[v] = reached[v] === 0 ? 0 : (reached[v]! / total[v]!) * (reached[v]! / from.length);
  return out;
}

/**
 * The same answer as `centrality` in centrality.ts, computed on the CSR: `csr` when given
 * (built earlier from the same scope), otherwise built from the scope's ties.
 */
export function csrCentrality(
  scope: Pick<CompactScope, 'ids' | 'from' | 'to' | 'strength'>,
  options: Parameters<typeof csrBetweenness>[1] = {},
  csr?: Csr,
): Centrality {
  const g = csr ?? buildCsr(scope);
  const ids = scope.ids;
  const b = csrBetweenness(g, options);
  const pr = csrPagerank(g);
  const closeness = csrCloseness(g, b.mode === 'exact' ? null : b.sources);
  const degree: Record<string, number> = {};
  const weightedDegree: Record<string, number> = {};
  const betweenness: Record<string, number> = {};
  const pagerank: Record<string, number> = {};
  const close: Record<string, number> = {};
  for (let v = 0; v < g.n; v++) {
    const id = ids[v]!;
    degree[id] = g.offsets[v + 1]! - g.offsets[v]!;
    let sum = 0;
    for (let p = g.offsets[v]!; p < g.offsets[v + 1]!; p++) sum += g.weights[p]!;
    weightedDegree[id] = sum;
    betweenness[id] = b.values[v]!;
    pagerank[id] = pr[v]!;
    close[id] = closeness[v]!;
  }
  return {
    degree,
    weightedDegree,
    betweenness,
    pagerank,
    closeness: close,
    betweennessMode: b.mode,
    sampleSize: b.sampleSize,
    seed: options.seed ?? SAMPLE_SEED,
  };
}
