import { z } from 'zod';
import { id, isoDate, isoDateTime, longText, version } from './common.js';

/** Compression points: dates that put pressure on a target. */
export const keyDateKinds = [
  'contract_expiration',
  'election',
  'budget_vote',
  'board_meeting',
  'shareholder_meeting',
  'hearing',
  'deadline',
  'other',
] as const;

export const keyDateFields = {
  title: z.string().trim().min(1, 'must not be empty').max(300),
  kind: z.enum(keyDateKinds, { message: `must be one of ${keyDateKinds.join(', ')}` }),
  date: isoDate,
  note: longText,
  actorIds: z.array(id).max(100).describe('Actors the date is about'),
  demandIds: z.array(id).max(50).describe('Demands the date matters to'),
};
export const keyDateDefaults = { note: '', actorIds: [] as string[], demandIds: [] as string[] };

export const keyDateData = z.strictObject(keyDateFields);
export type KeyDateData = z.infer<typeof keyDateData>;
export const keyDateCreate = z
  .strictObject(keyDateFields)
  .partial()
  .required({ title: true, kind: true, date: true })
  .extend({ id: id.optional() })
  .meta({ id: 'KeyDateCreate' });
export type KeyDateCreate = z.infer<typeof keyDateCreate>;
export const keyDatePatch = z.strictObject(keyDateFields).partial().extend({ version: version.optional() }).meta({ id: 'KeyDatePatch' });
export type KeyDatePatch = z.infer<typeof keyDatePatch>;

export const keyDate = z.object({ id, ...keyDateFields, version, createdAt: isoDateTime, updatedAt: isoDateTime }).meta({ id: 'KeyDate' });
export type KeyDate = z.infer<typeof keyDate>;

export const keyDateListQuery = z.object({
  actor: id.optional(),
  demand: id.optional(),
  from: isoDate.optional().describe('Only dates on or after this day'),
});
