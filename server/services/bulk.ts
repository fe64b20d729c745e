import { randomUUID } from 'node:crypto';
import { actorData, actorDefaults, type Actor, type ActorCreate, type ActorKind } from '../domain/actor.js';
import {
  endsProblem,
  relationshipData,
  relationshipDefaults,
  relationshipRules,
  relationshipTypes,
  type Relationship,
  type RelationshipCreate,
} from '../domain/relationship.js';
import { badRequest, conflict } from '../http/problem.js';
import { parseOr400 } from '../http/validation.js';
import { actorProps } from '../repos/actors.js';
import { nowIso } from '../repos/store.js';
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
  const taken = await ctx.tx.query<{ id: string }>(
    'UNWIND $ids AS id OPTIONAL MATCH (a:Actor {id: id}) OPTIONAL MATCH (d:DeletedActor {id: id}) WITH id WHERE a IS NOT NULL OR d IS NOT NULL RETURN id',
    { ids },
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
  const candidates = inputs.map(({ input, prefix }) => {
    const { id, ...fields } = input;
    const rule = relationshipRules[input.type];
    const data = parseOr400(
      relationshipData,
      {
        ...relationshipDefaults.common,
        ...relationshipDefaults[input.type],
        mutual: rule.mutual === 'always',
        ...fields,
        sourceIds: [...new Set(fields.sourceIds ?? [])],
      },
      prefix,
    );
    return { rel: { ...data, id: id ?? randomUUID(), version: 1, createdAt: now, updatedAt: now } as Relationship, prefix };
  });

  const actorIds = [...new Set(candidates.flatMap(({ rel }) => [rel.from, rel.to]))];
  const kinds = new Map(
    (await ctx.tx.query<{ id: string; kind: ActorKind }>('UNWIND $ids AS id MATCH (a:Actor {id: id}) WHERE a.workspaceId = $ws RETURN a.id AS id, a.kind AS kind', {
      ws: ctx.ws,
      ids: actorIds,
    })).map((r) => [r.id, r.kind]),
  );
  const sourceIds = [...new Set(candidates.flatMap(({ rel }) => rel.sourceIds))];
  const sources = new Set(
    sourceIds.length
      ? (await ctx.tx.query<{ id: string }>('UNWIND $ids AS id MATCH (s:Source {id: id}) WHERE s.workspaceId = $ws RETURN s.id AS id', { ws: ctx.ws, ids: sourceIds })).map((r) => r.id)
      : [],
  );
  for (const { rel, prefix } of candidates) {
    const rule = relationshipRules[rel.type];
    if (rel.from === rel.to) throw badRequest('A relationship joins two different actors; "from" and "to" are the same.', [{ path: `${prefix}.to`, message: 'must differ from "from"' }]);
    if (rule.mutual === 'always' && !rel.mutual) throw badRequest(`A ${rel.type} relationship is always mutual.`, [{ path: `${prefix}.mutual`, message: 'must be true for this type' }]);
    if (rule.mutual === 'never' && rel.mutual) throw badRequest(`A ${rel.type} relationship has a direction; it cannot be mutual.`, [{ path: `${prefix}.mutual`, message: 'must be false for this type' }]);
    for (const end of ['from', 'to'] as const) {
      if (!kinds.has(rel[end])) throw badRequest(`The "${end}" actor ${rel[end]} does not exist in this workspace.`, [{ path: `${prefix}.${end}`, message: 'no such actor in this workspace' }]);
    }
    const problem = endsProblem(rel.type, kinds.get(rel.from)!, kinds.get(rel.to)!);
    if (problem) throw badRequest(problem, [{ path: `${prefix}.type`, message: problem }]);
    const missing = rel.sourceIds.find((s) => !sources.has(s));
    if (missing) throw badRequest(`Source ${missing} does not exist in this workspace.`, [{ path: `${prefix}.sourceIds`, message: `unknown source ${missing}` }]);
  }
  const rels = candidates.map((c) => c.rel);
  const ids = rels.map((r) => r.id);
  if (new Set(ids).size !== ids.length) throw conflict('The same relationship id is created twice.');
  const taken = await ctx.tx.query<{ id: string }>(
    `UNWIND $ids AS id CALL (id) { ${relationshipTypes.map((t) => `MATCH ()-[r:${t} {id: id}]->() RETURN r`).join(' UNION ALL ')} } RETURN id LIMIT 1`,
    { ids },
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
