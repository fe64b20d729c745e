import type { Subgraph } from './scope.js';

/**
 * A scope as it travels to a worker thread: actors by position, ties as positions into the
 * actor list. Typed arrays are moved between threads without copying (transferred), and a
 * plain array of short strings is cheap to copy; an array of 100,000 tie objects is neither.
 */
export interface CompactScope {
  ids: string[];
  /** For naming and for breaking ties in rankings by name, as the answers always have. */
  names: string[];
  /** Assessed power 0–5; NaN when nobody has assessed it. */
  power: Float64Array;
  from: Int32Array;
  to: Int32Array;
  strength: Uint8Array;
}

/** Ties whose ends are not both in scope are left out, as the graph always left them out. */
export function compactScope(sub: Pick<Subgraph, 'actors' | 'relationships'>): CompactScope {
  const n = sub.actors.length;
  const index = new Map<string, number>();
  const ids = new Array<string>(n);
  const names = new Array<string>(n);
  const power = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = sub.actors[i]!;
    ids[i] = a.id;
    names[i] = a.name;
    power[i] = a.power ?? NaN;
    if (!index.has(a.id)) index.set(a.id, i);
  }
  const m = sub.relationships.length;
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const strength = new Uint8Array(m);
  let kept = 0;
  for (const r of sub.relationships) {
    const a = index.get(r.from);
    const b = index.get(r.to);
    if (a === undefined || b === undefined) continue;
    from[kept] = a;
    to[kept] = b;
    strength[kept] = r.strength;
    kept++;
  }
  return { ids, names, power, from: from.slice(0, kept), to: to.slice(0, kept), strength: strength.slice(0, kept) };
}

/** The buffers a worker may take over (the caller does not read them again). */
export const transferables = (c: CompactScope): ArrayBuffer[] =>
  [c.power.buffer, c.from.buffer, c.to.buffer, c.strength.buffer] as ArrayBuffer[];
