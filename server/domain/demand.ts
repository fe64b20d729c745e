import { z } from 'zod';
import { id, isoDateTime, longText, version } from './common.js';

export const demandStatuses = ['draft', 'active', 'won', 'lost', 'shelved'] as const;

export const demandFields = {
  title: z.string().trim().min(1, 'must not be empty').max(300),
  description: longText,
  status: z.enum(demandStatuses),
  primaryTargetIds: z.array(id).max(50).describe('People who can grant the demand'),
  secondaryTargetIds: z.array(id).max(200).describe('Actors with power over a primary target'),
};
export const demandDefaults = { description: '', status: 'draft' as const, primaryTargetIds: [] as string[], secondaryTargetIds: [] as string[] };

export const demandData = z.strictObject(demandFields);
export type DemandData = z.infer<typeof demandData>;
export const demandCreate = z.strictObject(demandFields).partial().required({ title: true }).extend({ id: id.optional() }).meta({ id: 'DemandCreate' });
export const demandPatch = z.strictObject(demandFields).partial().extend({ version: version.optional() }).meta({ id: 'DemandPatch' });

const targetRef = z.object({ id, name: z.string(), kind: z.enum(['person', 'organization']) });
export const demand = z
  .object({
    id,
    ...demandFields,
    primaryTargets: z.array(targetRef),
    secondaryTargets: z.array(targetRef),
    version,
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Demand' });
export type Demand = z.infer<typeof demand>;
