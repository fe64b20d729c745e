import { randomUUID } from 'node:crypto';
import { actorData, actorDefaults, type Actor, type ActorCreate } from '../domain/actor.js';
import { relationshipTypes, type Relationship, type RelationshipCreate } from '../domain/relationship.js';
import { conflict } from '../http/problem.js';
import { parseOr400 } from '../http/validation.js';
import { actorProps } from '../repos/actors.js';
import { nowIso } from '../repos/store.js';
import { checkRelationship, lookUp, withDefaults } from './relationship-rules.js';
import type { WriteContext } from './unit-of-work.js';

/**
 * Creating many records one statement at a time costs a round trip each; these check a
 * whole run of creates in memory and against the store in a few queries, then write them
 * with UNWIND. The rules are those of createActor and createRelationship.
 */
export async function bulkCreateActors(ctx: WriteContext, inputs: { input: ActorCreate; prefix: string }[]): Promise<Actor[]> {
  const now = nowIso();
  const actors = inputs.map(({ input, prefix }) => {
    const { id, ...fields } = input;
    const data = parseOr400(actorData, { ...actorDefaults, ...fields }, prefix);
    return { id: id ?? randomUUID(), ...data, version: 1, createdAt: now, updatedAt: now } satisfies Actor;
  });
  const ids = actors.map((a) => a.id);
  if (new Set(ids).size !== ids.length) throw conflict('The same actor id is created twice.');
  // Ids we generate are new by construction; only ids the caller chose can clash.
  const chosen = inputs.flatMap(({ input }) => (input.id ? [input.id] : []));
  const taken = !chosen.length ? [] : await ctx.tx.query<{ id: string }>(
    'UNWIND $ids AS id OPTIONAL MATCH (a:Actor {id: id}) OPTIONAL MATCH (d:DeletedActor {id: id}) WITH id WHERE a IS NOT NULL OR d IS NOT NULL RETURN id',
    { ids: chosen },
  );
  if (taken.length) throw conflict(`Actor ${taken[0]!.id} already exists.`);
  for (const kind of ['person', 'organization'] as const) {
    const rows = actors.filter((a) => a.kind === kind).map((a) => ({ id: a.id, props: actorProps(a) }));
    if (!rows.length) continue;
    await ctx.tx.query(
      `UNWIND $rows AS row CREATE (a:Actor:${kind === 'person' ? 'Person' : 'Organization'} {id: row.id}) SET a += row.props, a.workspaceId = $ws`,
      { ws: ctx.ws, rows },
    );
  }
  for (const actor of actors) ctx.diffs.push({ entityType: 'actor', entityId: actor.id, before: null, after: actor as never });
  return actors;
}

export async function bulkCreateRelationships(
  ctx: WriteContext,
  inputs: { input: RelationshipCreate; prefix: string }[],
): Promise<Relationship[]> {
  const now = nowIso();
  const records = inputs.map(({ input, prefix }) => {
    const { id, ...fields } = input;
    return { id, record: withDefaults(fields), prefix };
  });
  const known = await lookUp(
    ctx.tx,
    ctx.ws,
    records.map(({ record }) => ({ from: String(record.from), to: String(record.to), sourceIds: (record.sourceIds as unknown[]).map(String) })),
  );
  const rels = records.map(
    ({ id, record, prefix }) => ({ ...checkRelationship(record, known, prefix), id: id ?? randomUUID(), version: 1, createdAt: now, updatedAt: now }) as Relationship,
  );
  const ids = rels.map((r) => r.id);
  if (new Set(ids).size !== ids.length) throw conflict('The same relationship id is created twice.');
  const chosen = records.flatMap(({ id }) => (id ? [id] : []));
  const taken = !chosen.length ? [] : await ctx.tx.query<{ id: string }>(
    `UNWIND $ids AS id CALL (id) { ${relationshipTypes.map((t) => `MATCH ()-[r:${t} {id: id}]->() RETURN r`).join(' UNION ALL ')} } RETURN id LIMIT 1`,
    { ids: chosen },
  );
  if (taken.length) throw conflict(`Relationship ${taken[0]!.id} already exists.`);
  for (const type of relationshipTypes) {
    const rows = rels.filter((r) => r.type === type).map(({ type: _t, from, to, ...props }) => ({ from, to, props }));
    if (!rows.length) continue;
    await ctx.tx.query(
      `UNWIND $rows AS row
       MATCH (a:Actor {id: row.from}) MATCH (b:Actor {id: row.to})
       CREATE (a)-[r:${type}]->(b) SET r = row.props, r.workspaceId = $ws`,
      { ws: ctx.ws, rows },
    );
  }
  for (const rel of rels) ctx.diffs.push({ entityType: 'relationship', entityId: rel.id, before: null, after: rel as never });
  return rels;
}
