import { randomUUID } from 'node:crypto';
import type { Tx } from '../db/gateway.js';
import type { Relationship, RelationshipCreate, RelationshipPatch } from '../domain/relationship.js';
import { invalid } from '../domain/errors.js';
import { dataOf } from '../domain/record.js';
import { relationshipStore } from '../repos/relationships.js';
import { nowIso } from '../repos/entity-store.js';
import { createEntity, deleteEntity, updateEntity } from './entities.js';
import { checkRelationship, lookUp, withDefaults } from './relationship-rules.js';
import type { WriteContext } from './unit-of-work.js';

async function checkRules(tx: Tx, ws: string, record: Record<string, unknown>, prefix: string) {
  const refs = record as { from: string; to: string; sourceIds?: string[] };
  const known = await lookUp(tx, ws, [
    { from: String(refs.from), to: String(refs.to), sourceIds: Array.isArray(refs.sourceIds) ? refs.sourceIds.map(String) : [] },
  ]);
  return checkRelationship(record, known, prefix);
}

export async function createRelationship(ctx: WriteContext, input: RelationshipCreate, prefix = 'body'): Promise<Relationship> {
  const { id, ...fields } = input;
  const data = await checkRules(ctx.tx, ctx.ws, withDefaults(fields), prefix);
  const now = nowIso();
  return createEntity(ctx, relationshipStore, {
    ...data,
    id: id ?? randomUUID(),
    version: 1,
    createdAt: now,
    updatedAt: now,
  } as Relationship);
}

export function updateRelationship(ctx: WriteContext, id: string, patch: RelationshipPatch, prefix = 'body'): Promise<Relationship> {
  const { version, ...fields } = patch;
  return updateEntity(ctx, relationshipStore, id, version, async (current) => {
    for (const fixed of ['type', 'from', 'to'] as const) {
      if (fixed in fields && fields[fixed] !== current[fixed]) {
        throw invalid(
          `The ${fixed === 'type' ? 'type' : `"${fixed}" end`} of a relationship cannot change; delete it and create a new one.`,
          [{ path: `${prefix}.${fixed}`, message: 'cannot change' }],
        );
      }
    }
    const merged: Record<string, unknown> = { ...dataOf(current), ...fields };
    if ('sourceIds' in fields) merged.sourceIds = [...new Set(merged.sourceIds as string[])];
    const data = await checkRules(ctx.tx, ctx.ws, merged, prefix);
    return { ...current, ...data } as Relationship;
  });
}

export function deleteRelationship(ctx: WriteContext, id: string, version: number | undefined): Promise<Relationship> {
  return deleteEntity(ctx, relationshipStore, id, version);
}
