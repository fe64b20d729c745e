import { Heap } from '../projection/search.js';
import type { Field } from './field.js';
import type { Bounds, Edge, Holdings } from './matrix.js';

/** One chain of stakes from a holder down to the target, and what it passes on. */
export interface Chain<T> {
  share: Bounds<T>;
  /** The holder's stake first, the stake in the target last. */
  edges: Edge<T>[];
}

export interface Chains<T> {
  byHolder: Map<string, Chain<T>[]>;
  /** False when the step budget ran out before every holder had its chains. */
  complete: boolean;
}

/** Chains longer than this are not listed (their share still counts in the figures). */
export const MAX_CHAIN_STEPS = 12;
/** An abuse guard: partial chains looked at per question. */
export const CHAIN_STEPS = 20_000;

/**
 * The k strongest loopless chains of each holder, by one best-first search up from the
 * target: a chain's share (the product of its stakes) only shrinks as it grows, so chains
 * leave the queue strongest first, and a holder's first k are its top k (the first its
 * strongest). Ranked by the lower end, then the upper end.
 */
export function topChains<T>(F: Field<T>, holdings: Map<string, Holdings<T>>, target: string, k: number, budget = CHAIN_STEPS): Chains<T> {
  const node: string[] = [];
  const parent: number[] = [];
  const edge: (Edge<T> | null)[] = [];
  const min: T[] = [];
  const max: T[] = [];
  const depth: number[] = [];
  const key: number[] = [];
  const tie: number[] = [];
  const heap = new Heap(key, tie);
  const add = (v: string, p: number, e: Edge<T> | null, lo: T, hi: T, d: number) => {
    node.push(v);
    parent.push(p);
    edge.push(e);
    min.push(lo);
    max.push(hi);
    depth.push(d);
    key.push(-F.toNumber(lo));
    tie.push(-F.toNumber(hi));
    heap.push(node.length - 1);
  };
  add(target, -1, null, F.one, F.one, 0);
  const byHolder = new Map<string, Chain<T>[]>();
  let pops = 0;
  while (heap.size) {
    if (++pops > budget || node.length > 8 * budget) return { byHolder, complete: false };
    const s = heap.pop();
    const v = node[s]!;
    if (s !== 0) {
      let list = byHolder.get(v);
      if (!list) byHolder.set(v, (list = []));
      if (list.length < k) {
        const edges: Edge<T>[] = [];
        for (let x = s; x > 0; x = parent[x]!) edges.push(edge[x]!);
        list.push({ share: { min: min[s]!, max: max[s]! }, edges });
      }
    }
    if (depth[s]! >= MAX_CHAIN_STEPS) continue;
    for (const e of holdings.get(v)?.edges ?? []) {
      const owner = e.fact.from;
      let loop = false;
      for (let x = s; x >= 0 && !loop; x = parent[x]!) loop = node[x] === owner;
      if (!loop) add(owner, s, e, F.mul(min[s]!, e.min), F.mul(max[s]!, e.max), depth[s]! + 1);
    }
  }
  return { byHolder, complete: true };
}
