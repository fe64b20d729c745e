import type { Csr } from './csr.js';
import { seededRandom } from './graph.js';

export interface LouvainResult {
  /** Community of every node, numbered 0… in order of first member. */
  community: Int32Array;
  count: number;
  /** Modularity of the partition at the given resolution, on the input graph. */
  modularity: number;
}

/** A level of the method: a weighted undirected graph in CSR form plus each node's self-loop weight. */
interface Level {
  n: number;
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
  /** Weight of the ties inside the node (an aggregated community), counted from both ends. */
  loops: Float64Array;
}

/**
 * Louvain community detection (Blondel et al. 2008) on the scope's CSR, in typed arrays:
 * local moving (every node, in a seeded random order, joins the neighbouring community
 * with the largest modularity gain; then the neighbours of those that moved, until none
 * moves: the fast local moves of Traag et al. 2019, as graphology does), then each community
 * becomes one node of the next level, until a level moves nothing. Ties weigh their summed
 * strength; `resolution` γ scales the null model (modularity Σ_c in_c/2m − γ (tot_c/2m)²,
 * as graphology and igraph define it). The same graph and seed give the same communities.
 */
export function csrLouvain(g: Csr, options: { resolution?: number; seed?: number } = {}): LouvainResult {
  const gamma = options.resolution ?? 1;
  const random = seededRandom(options.seed ?? 1);
  const n = g.n;
  const final = new Int32Array(n);
  for (let v = 0; v < n; v++) final[v] = v;
  let level: Level = { n, offsets: g.offsets, targets: g.targets, weights: g.weights, loops: new Float64Array(n) };
  let total = 0;
  for (let p = 0; p < g.targets.length; p++) total += g.weights[p]!;
  if (n === 0 || total === 0) return singletons(n);
  for (;;) {
    const community = moveNodes(level, total, gamma, random);
    const count = renumber(community);
    if (count === level.n) break;
    for (let v = 0; v < n; v++) final[v] = community[final[v]!]!;
    level = aggregate(level, community, count);
  }
  const count = renumber(final);
  return { community: final, count, modularity: modularityOf(g, final, count, gamma) };
}

function singletons(n: number): LouvainResult {
  const community = new Int32Array(n);
  for (let v = 0; v < n; v++) community[v] = v;
  return { community, count: n, modularity: 0 };
}

/** The local moving phase: each node's community, as node numbers of this level. */
function moveNodes(level: Level, total: number, gamma: number, random: () => number): Int32Array {
  const { n, offsets, targets, weights, loops } = level;
  const community = new Int32Array(n);
  const strength = new Float64Array(n);
  const tot = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    community[v] = v;
    let k = loops[v]!;
    for (let p = offsets[v]!; p < offsets[v + 1]!; p++) k += weights[p]!;
    strength[v] = k;
    tot[v] = k;
  }
  const order = new Int32Array(n);
  for (let v = 0; v < n; v++) order[v] = v;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  const toCommunity = new Float64Array(n).fill(-1);
  const touched = new Int32Array(n);
  const scale = gamma / total;
  // Fast local moving: every node once in random order, then only the neighbours of nodes
  // that moved (a ring buffer, each node in it at most once). Each move raises modularity,
  // so this ends; the cap only bounds a long tail of tiny gains.
  const queue = order;
  const queued = new Uint8Array(n).fill(1);
  let head = 0;
  let size = n;
  for (let steps = 0; size > 0 && steps < 50 * n; steps++) {
    const v = queue[head]!;
    head = head + 1 === n ? 0 : head + 1;
    size--;
    queued[v] = 0;
    const own = community[v]!;
    const k = strength[v]!;
    let count = 0;
    toCommunity[own] = 0;
    touched[count++] = own;
    for (let p = offsets[v]!; p < offsets[v + 1]!; p++) {
      const u = targets[p]!;
      if (u === v) continue;
      const c = community[u]!;
      if (toCommunity[c]! < 0) {
        toCommunity[c] = 0;
        touched[count++] = c;
      }
      toCommunity[c]! += weights[p]!;
    }
    tot[own]! -= k;
    let best = own;
    let bestGain = toCommunity[own]! - tot[own]! * k * scale;
    for (let j = 0; j < count; j++) {
      const c = touched[j]!;
      const gain = toCommunity[c]! - tot[c]! * k * scale;
      if (gain > bestGain + 1e-12) {
        bestGain = gain;
        best = c;
      }
    }
    for (let j = 0; j < count; j++) toCommunity[touched[j]!] = -1;
    tot[best]! += k;
    if (best === own) continue;
    community[v] = best;
    for (let p = offsets[v]!; p < offsets[v + 1]!; p++) {
      const u = targets[p]!;
      if (queued[u] || community[u] === best) continue;
      queued[u] = 1;
      let at = head + size;
      if (at >= n) at -= n;
      queue[at] = u;
      size++;
    }
  }
  return community;
}

/** Numbers communities 0… in order of first member, in place; returns how many. */
function renumber(community: Int32Array): number {
  const map = new Int32Array(community.length).fill(-1);
  let count = 0;
  for (let v = 0; v < community.length; v++) {
    const c = community[v]!;
    if (map[c] === -1) map[c] = count++;
    community[v] = map[c]!;
  }
  return count;
}

/** The next level: one node per community, the weights between communities summed. */
function aggregate(level: Level, community: Int32Array, count: number): Level {
  const { n, offsets, targets, weights, loops } = level;
  // Members of each community, grouped.
  const start = new Int32Array(count + 1);
  for (let v = 0; v < n; v++) start[community[v]! + 1]!++;
  for (let c = 0; c < count; c++) start[c + 1]! += start[c]!;
  const members = new Int32Array(n);
  const fill = start.slice(0, count);
  for (let v = 0; v < n; v++) members[fill[community[v]!]!++] = v;
  const nextLoops = new Float64Array(count);
  const nextOffsets = new Int32Array(count + 1);
  const acc = new Float64Array(count);
  const seen = new Int32Array(count).fill(-1);
  const touched = new Int32Array(count);
  const outTargets: number[] = [];
  const outWeights: number[] = [];
  for (let c = 0; c < count; c++) {
    let size = 0;
    let loop = 0;
    for (let i = start[c]!; i < start[c + 1]!; i++) {
      const v = members[i]!;
      loop += loops[v]!;
      for (let p = offsets[v]!; p < offsets[v + 1]!; p++) {
        const d = community[targets[p]!]!;
        if (d === c) loop += weights[p]!;
        else {
          if (seen[d] !== c) {
            seen[d] = c;
            acc[d] = 0;
            touched[size++] = d;
          }
          acc[d]! += weights[p]!;
        }
      }
    }
    nextLoops[c] = loop;
    for (let j = 0; j < size; j++) {
      outTargets.push(touched[j]!);
      outWeights.push(acc[touched[j]!]!);
    }
    nextOffsets[c + 1] = outTargets.length;
  }
  return {
    n: count,
    offsets: nextOffsets,
    targets: Int32Array.from(outTargets),
    weights: Float64Array.from(outWeights),
    loops: nextLoops,
  };
}

/** Σ_c in_c/2m − γ (tot_c/2m)², ties weighted by strength, on the input graph. */
export function modularityOf(g: Csr, community: Int32Array, count: number, gamma = 1): number {
  const inner = new Float64Array(count);
  const tot = new Float64Array(count);
  let total = 0;
  for (let v = 0; v < g.n; v++) {
    const c = community[v]!;
    for (let p = g.offsets[v]!; p < g.offsets[v + 1]!; p++) {
      const w = g.weights[p]!;
      total += w;
      tot[c]! += w;
      if (community[g.targets[p]!] === c) inner[c]! += w;
    }
  }
  if (total === 0) return 0;
  let q = 0;
  for (let c = 0; c < count; c++) q += inner[c]! / total - gamma * (tot[c]! / total) ** 2;
  return q;
}
