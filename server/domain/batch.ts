import { z } from 'zod';
import { actorCreate, actorPatch } from './actor.js';
import { id, version } from './common.js';
import { demandCreate, demandPatch } from './demand.js';
import { addMembers, mapCreate, mapPatch, removeMembers } from './map.js';
import { relationshipCreate, relationshipPatch } from './relationship.js';
import { sourceCreate, sourcePatch } from './source.js';

const crud = <E extends string, C extends z.ZodType, P extends z.ZodType>(entity: E, create: C, patch: P) =>
  [
    z.strictObject({ op: z.literal('create'), entity: z.literal(entity), data: create }),
    z.strictObject({ op: z.literal('update'), entity: z.literal(entity), id, data: patch }),
    z.strictObject({ op: z.literal('delete'), entity: z.literal(entity), id, version: version.optional() }),
  ] as const;

// Adding neighbours walks the graph once per op; inside one all-or-nothing transaction a batch
// of such ops would hold its locks for as long as a caller cares to make it.
const batchAddMembers = addMembers.extend({
  withNeighbours: z
    .literal(false, { error: 'withNeighbours is not allowed in a batch: add neighbours through POST …/maps/:id/members' })
    .default(false),
});

/** Actors placed or taken off maps in one batch, all ops together. */
export const MAX_BATCH_MEMBER_IDS = 10_000;

// Chosen by entity and then by op, so that a mistake is reported inside the operation it
// belongs to ("operations.2.data.name") rather than as "Invalid input" for the whole of it.
export const batchOperation = z.discriminatedUnion('entity', [
  z.discriminatedUnion('op', [...crud('actor', actorCreate, actorPatch)]),
  z.discriminatedUnion('op', [...crud('relationship', relationshipCreate, relationshipPatch)]),
  z.discriminatedUnion('op', [...crud('source', sourceCreate, sourcePatch)]),
  z.discriminatedUnion('op', [...crud('demand', demandCreate, demandPatch)]),
  z.discriminatedUnion('op', [
    ...crud('map', mapCreate, mapPatch),
    // Placing actors on a map in the same batch that creates them: both are saved, or neither.
    z.strictObject({ op: z.literal('addMembers'), entity: z.literal('map'), id, data: batchAddMembers }),
    z.strictObject({ op: z.literal('removeMembers'), entity: z.literal('map'), id, data: removeMembers }),
  ]),
]);
export type BatchOperation = z.infer<typeof batchOperation>;

export const batchRequest = z
  .strictObject({
    operations: z
      .array(batchOperation)
      .min(1)
      .max(10_000)
      .refine(
        (ops) =>
          ops.reduce((n, o) => n + (o.op === 'addMembers' || o.op === 'removeMembers' ? o.data.actorIds.length : 0), 0) <=
          MAX_BATCH_MEMBER_IDS,
        { error: `A batch places or removes at most ${MAX_BATCH_MEMBER_IDS} actors on maps in all; split it` },
      ),
    summary: z.string().max(300).optional().describe('How the history names this step, e.g. "Move 3 actors"'),
  })
  .meta({ id: 'Batch', description: 'Applied atomically: every operation or none. Updates and deletes carry versions.' });

export const batchResult = z.object({
  changeId: id.nullable().describe('The change recorded (null when nothing changed)'),
  results: z.array(z.object({ op: z.string(), entity: z.string(), id, version: z.number().int().nullable() })),
});
export type BatchResult = z.infer<typeof batchResult>;
