import type { BatchOperation, BatchResult } from '../domain/batch.js';
import { DomainError } from '../domain/errors.js';
import type { RelationshipCreate } from '../domain/relationship.js';
import { createActor, deleteActor, updateActor } from './actors.js';
import { createDemand, deleteDemand, updateDemand } from './demands.js';
import { addMembers, createMap, deleteMap, removeMembers, updateMap } from './maps.js';
import { createRelationship, deleteRelationship, updateRelationship } from './relationships.js';
import { createSource, deleteSource, updateSource } from './sources.js';
import { bulkCreateActors, bulkCreateRelationships } from './bulk.js';
import type { WriteContext } from './unit-of-work.js';

type OperationResult = BatchResult['results'][number];

/** The failure with the operation that caused it named first; whatever else it said is kept. */
function naming(error: unknown, where: string): unknown {
  const detail = (message: string) => `${where}: ${message} Nothing in the batch was saved.`;
  if (error instanceof DomainError) return error.reworded(detail(error.message));
  return error;
}

async function applyOne(ctx: WriteContext, operation: BatchOperation, prefix: string): Promise<{ id: string; version: number | null }> {
  const data = `${prefix}.data`;
  switch (operation.entity) {
    case 'actor':
      if (operation.op === 'create') return createActor(ctx, operation.data, data);
      if (operation.op === 'update') return updateActor(ctx, operation.id, operation.data, data);
      return deleteActor(ctx, operation.id, operation.version).then((a) => ({ id: a.id, version: null }));
    case 'relationship':
      if (operation.op === 'create') return createRelationship(ctx, operation.data as RelationshipCreate, data);
      if (operation.op === 'update') return updateRelationship(ctx, operation.id, operation.data as Record<string, unknown>, data);
      return deleteRelationship(ctx, operation.id, operation.version).then((r) => ({ id: r.id, version: null }));
    case 'source':
      if (operation.op === 'create') return createSource(ctx, operation.data, data).then((r) => r.source);
      if (operation.op === 'update') return updateSource(ctx, operation.id, operation.data, data);
      return deleteSource(ctx, operation.id, operation.version).then((s) => ({ id: s.id, version: null }));
    case 'demand':
      if (operation.op === 'create') return createDemand(ctx, operation.data, data);
      if (operation.op === 'update') return updateDemand(ctx, operation.id, operation.data, data);
      return deleteDemand(ctx, operation.id, operation.version).then((d) => ({ id: d.id, version: null }));
    case 'map':
      if (operation.op === 'addMembers') return addMembers(ctx, operation.id, operation.data);
      if (operation.op === 'removeMembers') return removeMembers(ctx, operation.id, operation.data.actorIds, operation.data.version);
      if (operation.op === 'create') return createMap(ctx, operation.data, data);
      if (operation.op === 'update') return updateMap(ctx, operation.id, operation.data, data);
      return deleteMap(ctx, operation.id, operation.version).then((m) => ({ id: m.id, version: null }));
  }
}

/**
 * Runs every operation in order inside the caller's transaction; the first failure aborts
 * the lot (its problem names the operation), so a batch is applied whole or not at all.
 */
export async function applyBatch(ctx: WriteContext, operations: BatchOperation[]): Promise<OperationResult[]> {
  const results: OperationResult[] = [];
  let index = 0;
  while (index < operations.length) {
    const operation = operations[index]!;
    // A run of creates of actors or of relationships is checked and written in bulk.
    if (operation.op === 'create' && (operation.entity === 'actor' || operation.entity === 'relationship')) {
      let end = index;
      while (end < operations.length && operations[end]!.op === 'create' && operations[end]!.entity === operation.entity) end++;
      if (end - index > 1) {
        const run = operations
          .slice(index, end)
          .map((op, i) => ({ input: (op as unknown as { data: never }).data, prefix: `body.operations.${index + i}.data` }));
        const created = await (operation.entity === 'actor' ? bulkCreateActors(ctx, run) : bulkCreateRelationships(ctx, run)).catch(
          (error: unknown) => {
            throw naming(error, `Operations ${index + 1}–${end} (create ${operation.entity})`);
          },
        );
        for (const record of created) results.push({ op: 'create', entity: operation.entity, id: record.id, version: record.version });
        index = end;
        continue;
      }
    }
    const { id, version } = await applyOne(ctx, operation, `body.operations.${index}`).catch((error: unknown) => {
      throw naming(error, `Operation ${index + 1} (${operation.op} ${operation.entity})`);
    });
    results.push({ op: operation.op, entity: operation.entity, id, version });
    index++;
  }
  return results;
}
