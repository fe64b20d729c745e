import { randomUUID } from 'node:crypto';
import type { Tx } from '../db/gateway.js';
import {
  endsProblem,
  relationshipData,
  relationshipDefaults,
  relationshipRules,
  type Relationship,
  type RelationshipCreate,
  type RelationshipPatch,
} from '../domain/relationship.js';
import { badRequest } from '../http/problem.js';
import { parseOr400 } from '../http/validation.js';
import { actorRefs } from '../repos/actors.js';
import { relationshipStore } from '../repos/relationships.js';
import { nowIso } from '../repos/store.js';
import { createEntity, deleteEntity, updateEntity } from './entities.js';
import type { WriteContext } from './unit-of-work.js';

const META = ['id', 'version', 'createdAt', 'updatedAt'] as const;

function dataOf(rel: Relationship) {
  const data: Record<string, unknown> = { ...rel };
  for (const key of META) delete data[key];
  return data;
}

/** The domain rules a schema cannot see: distinct ends in this workspace, of the right kinds, citing known sources. */
async function checkRules(tx: Tx, ws: string, rel: Record<string, unknown>, prefix: string) {
  const data = parseOr400(relationshipData, rel, prefix);
  if (data.from === data.to) throw badRequest('A relationship joins two different actors; "from" and "to" are the same.', [{ path: `${prefix}.to`, message: 'must differ from "from"' }]);
  const rule = relationshipRules[data.type];
  if (rule.mutual === 'always' && !data.mutual) throw badRequest(`A ${data.type} relationship is always mutual.`, [{ path: `${prefix}.mutual`, message: 'must be true for this type' }]);
  if (rule.mutual === 'never' && data.mutual) throw badRequest(`A ${data.type} relationship has a direction; it cannot be mutual.`, [{ path: `${prefix}.mutual`, message: 'must be false for this type' }]);
  const refs = await actorRefs(tx, ws, [data.from, data.to]);
  for (const end of ['from', 'to'] as const) {
    if (!refs.has(data[end])) {
      throw badRequest(`The "${end}" actor ${data[end]} does not exist in this workspace.`, [{ path: `${prefix}.${end}`, message: 'no such actor in this workspace' }]);
    }
  }
  const problem = endsProblem(data.type, refs.get(data.from)!.kind, refs.get(data.to)!.kind);
  if (problem) throw badRequest(problem, [{ path: `${prefix}.type`, message: problem }]);
  if (data.sourceIds.length) {
    const found = await tx.query<{ id: string }>('UNWIND $ids AS id MATCH (s:Source {id: id}) WHERE s.workspaceId = $ws RETURN s.id AS id', { ws, ids: data.sourceIds });
    const known = new Set(found.map((r) => r.id));
    const missing = data.sourceIds.find((s) => !known.has(s));
    if (missing) throw badRequest(`Source ${missing} does not exist in this workspace.`, [{ path: `${prefix}.sourceIds`, message: `unknown source ${missing}` }]);
  }
  return data;
}

export async function createRelationship(ctx: WriteContext, input: RelationshipCreate, prefix = 'body'): Promise<Relationship> {
  const { id, ...fields } = input;
  const rule = relationshipRules[input.type];
  const candidate = {
    ...relationshipDefaults.common,
    ...relationshipDefaults[input.type],
    mutual: rule.mutual === 'always',
    ...fields,
    sourceIds: [...new Set(fields.sourceIds ?? [])],
  };
  const data = await checkRules(ctx.tx, ctx.ws, candidate, prefix);
  const now = nowIso();
  return createEntity(ctx, relationshipStore, { ...data, id: id ?? randomUUID(), version: 1, createdAt: now, updatedAt: now } as Relationship);
}

export function updateRelationship(ctx: WriteContext, id: string, patch: RelationshipPatch, prefix = 'body'): Promise<Relationship> {
  const { version, ...fields } = patch;
  return updateEntity(ctx, relationshipStore, id, version, async (current) => {
    for (const fixed of ['type', 'from', 'to'] as const) {
      if (fixed in fields && fields[fixed] !== current[fixed]) {
        throw badRequest(`The ${fixed === 'type' ? 'type' : `"${fixed}" end`} of a relationship cannot change; delete it and create a new one.`, [
          { path: `${prefix}.${fixed}`, message: 'cannot change' },
        ]);
      }
    }
    const merged = { ...dataOf(current), ...fields };
    if ('sourceIds' in fields) merged.sourceIds = [...new Set(merged.sourceIds as string[])];
    const data = await checkRules(ctx.tx, ctx.ws, merged, prefix);
    return { ...current, ...data } as Relationship;
  });
}

export function deleteRelationship(ctx: WriteContext, id: string, version: number | undefined): Promise<Relationship> {
  return deleteEntity(ctx, relationshipStore, id, version);
}
