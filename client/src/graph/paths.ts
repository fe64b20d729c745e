import type { Relationship } from '../api/domain';

export interface Path {
  actorIds: string[];
  relationshipIds: string[];
}

/**
 * Shortest connections between two actors over the given relationships, ignoring
 * direction (a tie is a route either way), at most `maxHops` long: every shortest path
 * up to `k`. Used when the analysis service is unreachable, and for its tests.
 */
export function shortestPaths(relationships: Relationship[], from: string, to: string, k = 3, maxHops = 6): Path[] {
  if (from === to) return [];
  const adjacent = new Map<string, { other: string; rel: string }[]>();
  const link = (a: string, b: string, rel: string) => {
    const list = adjacent.get(a) ?? [];
    list.push({ other: b, rel });
    adjacent.set(a, list);
  };
  for (const r of relationships) {
    link(r.from, r.to, r.id);
    link(r.to, r.from, r.id);
  }
  const depth = new Map<string, number>([[from, 0]]);
  const parents = new Map<string, { via: string; rel: string }[]>();
  let frontier = [from];
  while (frontier.length && !depth.has(to)) {
    const next: string[] = [];
    for (const node of frontier) {
      const d = depth.get(node)!;
      if (d >= maxHops) continue;
      for (const { other, rel } of adjacent.get(node) ?? []) {
        if (!depth.has(other)) {
          depth.set(other, d + 1);
          next.push(other);
        }
        if (depth.get(other) === d + 1) {
          const list = parents.get(other) ?? [];
          list.push({ via: node, rel });
          parents.set(other, list);
        }
      }
    }
    frontier = next;
  }
  if (!depth.has(to)) return [];
  const out: Path[] = [];
  const walk = (node: string, actors: string[], rels: string[]) => {
    if (out.length >= k) return;
    if (node === from) {
      out.push({ actorIds: [from, ...actors], relationshipIds: rels });
      return;
    }
    for (const p of parents.get(node) ?? []) walk(p.via, [node, ...actors], [p.rel, ...rels]);
  };
  walk(to, [], []);
  return out;
}

/** What to keep bright when showing paths; everything else fades. */
export function highlightOf(paths: Path[]): { actors: Set<string>; relationships: Set<string> } {
  const actors = new Set<string>();
  const relationships = new Set<string>();
  for (const p of paths) {
    p.actorIds.forEach((a) => actors.add(a));
    p.relationshipIds.forEach((r) => relationships.add(r));
  }
  return { actors, relationships };
}
