import { z } from 'zod';
import { id, isoDateTime } from './common.js';

export const entityTypes = ['actor', 'relationship', 'source', 'demand', 'map', 'assessment', 'action', 'keyDate', 'task'] as const;
export type EntityType = (typeof entityTypes)[number];

/** One entity's state before and after; null before = created, null after = deleted. */
export const diff = z.object({
  entityType: z.enum(entityTypes),
  entityId: id,
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type Diff = z.infer<typeof diff>;

export const changeActions = ['create', 'update', 'delete', 'restore', 'merge', 'batch', 'revert', 'assess', 'layout'] as const;
export type ChangeAction = (typeof changeActions)[number];

export const change = z
  .object({
    id,
    seq: z.number().int().describe('Order of the change within its workspace'),
    at: isoDateTime,
    userId: id.nullable(),
    userName: z.string().nullable(),
    action: z.enum(changeActions),
    summary: z.string(),
    diffs: z.array(diff).describe('Every record touched (empty in lists when diffCount is over 200: GET the change for them)'),
    diffCount: z.number().int(),
    revertOf: id.nullable(),
    revertedBy: id.nullable(),
  })
  .meta({ id: 'Change' });
export type Change = z.infer<typeof change>;

export const historyQuery = z.object({
  before: z.coerce.number().int().min(1).optional().describe('Only changes with a smaller seq (the next page)'),
  after: z.coerce.number().int().min(0).optional().describe('Only changes with a larger seq (catching up)'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  entity: id.optional().describe('Only changes that touched this entity'),
});
