import type { Gateway } from '../db/gateway.js';
import { allTypes, type InterlocksQuery } from '../domain/analysis.js';
import { relationshipRules, type RelationshipType } from '../domain/relationship.js';
import { invalid, notFound } from '../domain/errors.js';
import { analysisQuestionsRepo } from '../repos/analysis-questions.js';
import { assertFound } from './actors.js';
import { uniqueById } from './unique.js';
import { DEFAULT_SCOPE_DEPTH, checkScope } from './scope.js';

/** Names a user knows for the classic interlocks. */
const groupLabels: Partial<Record<RelationshipType, string>> = {
  POSITION: 'shared board members and officers',
  DONATION: 'shared donors or recipients',
  OWNERSHIP: 'shared owners or holdings',
  MEMBERSHIP: 'shared members or memberships',
  LOBBYING: 'shared lobbyists or lobbied',
  TRANSACTION: 'shared business partners',
  FAMILY: 'shared family',
};

/**
 * Cypher, one round trip: the given actors' ties are expanded once each inside the database
 * and grouped by the shared actor there, so the answer's size, not the neighbourhoods', is
 * what travels. The same statement checks the given ids and the scope.
 */
export async function interlocks(db: Gateway, ws: string, q: InterlocksQuery) {
  checkScope(q);
  const min = q.min ?? q.actors.length;
  if (min > q.actors.length) {
    throw invalid(`min= is ${min} but only ${q.actors.length} actors are named.`, [
      { path: 'querystring.min', message: `at most ${q.actors.length}` },
    ]);
  }
  const row = await db.read(
    (tx) =>
      analysisQuestionsRepo.interlocks(tx, ws, {
        actors: q.actors,
        min,
        types: [...(q.types ?? allTypes)],
        map: q.map ?? null,
        around: q.around ?? null,
        depth: q.depth ?? DEFAULT_SCOPE_DEPTH,
      }),
    'analysis.interlocks',
  );
  const found = new Set(row!.found);
  assertFound(
    q.actors.filter((id) => !found.has(id)),
    'actors',
  );
  if (!row!.scopeFound) throw notFound(q.map ? 'That map (map=) in this workspace' : 'That actor (around=) in this workspace');

  const groups = new Map<RelationshipType, Array<{ actorId: string; connectedTo: string[]; relationshipIds: string[] }>>();
  const mixed: Array<{ actorId: string; connectedTo: string[]; relationshipIds: string[] }> = [];
  const order = (ids: Iterable<string>) => q.actors.filter((id) => new Set(ids).has(id));
  for (const { actor, ties } of row!.shared) {
    let inAGroup = false;
    for (const type of new Set(ties.map((t) => t.type))) {
      const ofType = ties.filter((t) => t.type === type);
      const reached = order(ofType.map((t) => t.a));
      if (reached.length < min) continue;
      inAGroup = true;
      const list = groups.get(type) ?? [];
      list.push({ actorId: actor.id, connectedTo: reached, relationshipIds: ofType.map((t) => t.id) });
      groups.set(type, list);
    }
    if (!inAGroup) mixed.push({ actorId: actor.id, connectedTo: order(ties.map((t) => t.a)), relationshipIds: ties.map((t) => t.id) });
  }
  const byName = new Map(row!.shared.map((s) => [s.actor.id, s.actor.name]));
  type Item = { actorId: string; connectedTo: string[]; relationshipIds: string[] };
  const sort = (items: Item[]) =>
    items.sort(
      (a, b) => b.connectedTo.length - a.connectedTo.length || (byName.get(a.actorId) ?? '').localeCompare(byName.get(b.actorId) ?? ''),
    );
  return {
    actorIds: q.actors,
    min,
    groups: [...groups.entries()]
      .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
      .map(([type, items]) => ({ type, label: groupLabels[type] ?? `shared ties: ${relationshipRules[type].label}`, items: sort(items) })),
    mixed: sort(mixed),
    actors: [...row!.given, ...row!.shared.map((s) => s.actor)],
    relationships: uniqueById(
      row!.shared.flatMap((s) =>
        s.ties.map(({ id, type, from, to, strength, mutual }) => ({
          id,
          type,
          from,
          to,
          strength: strength ?? 3,
          mutual: mutual ?? false,
        })),
      ),
    ),
  };
}
