import { z } from 'zod';
import { actorCreate, actorPatch } from './actor.js';
import { id, version } from './common.js';
import { demandCreate, demandPatch } from './demand.js';
import { addMembers, mapCreate, mapPatch, removeMembers } from './map.js';
import { relationshipCreate, relationshipPatch } from './relationship.js';
import { sourceCreate, sourcePatch } from './source.js';

const op = <E extends string, C extends z.ZodType, P extends z.ZodType>(entity: E, create: C, patch: P) =>
  [
    z.strictObject({ op: z.literal('create'), entity: z.literal(entity), data: create }),
    z.strictObject({ op: z.literal('update'), entity: z.literal(entity), id, data: patch }),
    z.strictObject({ op: z.literal('delete'), entity: z.literal(entity), id, version: version.optional() }),
  ] as const;

export const batchOperation = z.union([
  ...op('actor', actorCreate, actorPatch),
  ...op('relationship', relationshipCreate, relationshipPatch),
  ...op('source', sourceCreate, sourcePatch),
  ...op('demand', demandCreate, demandPatch),
  ...op('map', mapCreate, mapPatch),
  // Placing actors on a map in the same batch that creates them: both are saved, or neither.
  z.strictObject({ op: z.literal('addMembers'), entity: z.literal('map'), id, data: addMembers }),
  z.strictObject({ op: z.literal('removeMembers'), entity: z.literal('map'), id, data: removeMembers }),
]);
export type BatchOperation = z.infer<typeof batchOperation>;

export const batchRequest = z
  .strictObject({
    operations: z.array(batchOperation).min(1).max(10_000),
    summary: z.string().max(300).optional().describe('How the history names this step, e.g. "Move 3 actors"'),
  })
  .meta({ id: 'Batch', description: 'Applied atomically: every operation or none. Updates and deletes carry versions.' });

export const batchResult = z.object({
  changeId: id.nullable().describe('The change recorded (null when nothing changed)'),
  results: z.array(z.object({ op: z.string(), entity: z.string(), id, version: z.number().int().nullable() })),
});
export type BatchResult = z.infer<typeof batchResult>;
