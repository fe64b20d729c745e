import { z } from 'zod';
import { alignment, power } from './actor.js';
import { id, isoDate, isoDateTime, longText, shortText, version } from './common.js';

/** Tactics, roughly from the mildest to the boldest (organisers' escalation ladders). */
export const actionKinds = [
  'letter',
  'petition',
  'meeting',
  'delegation',
  'public_comment',
  'press',
  'social_media',
  'rally',
  'march',
  'shareholder_question',
  'boycott',
  'sit_in',
  'strike',
  'other',
] as const;

export const actionFields = {
  title: z.string().trim().min(1, 'must not be empty').max(300),
  date: isoDate.describe('When it happened or will happen'),
  kind: z.enum(actionKinds, { message: `must be one of ${actionKinds.join(', ')}` }),
  escalation: z.number().int().min(1).max(5).describe('1 (ask politely) to 5 (the boldest: a strike, a sit-in)'),
  targetIds: z.array(id).max(50).describe('Whom the action is aimed at'),
  lead: shortText.describe('Who leads it (a person or group of ours)'),
  outcome: longText,
  response: longText.describe('How the target answered'),
};
export const actionDefaults = { targetIds: [] as string[], lead: '', outcome: '', response: '', escalation: 1 };

/** The target's answer as a new reading, recorded in the same request as the action. */
export const responseMove = z
  .strictObject({
    actorId: id.describe('A target of the action'),
    power: power.optional(),
    alignment: alignment.optional(),
    note: z.string().max(2000).optional(),
  })
  .refine((m) => m.power !== undefined || m.alignment !== undefined, 'give a new power or alignment (or both)')
  .describe('The target moved: record where they stand now, dated the day of the action');

export const actionData = z.strictObject({ ...actionFields, demandId: id });
export type ActionData = z.infer<typeof actionData>;

export const actionCreate = z
  .strictObject(actionFields)
  .partial()
  .required({ title: true, date: true, kind: true })
  .extend({ id: id.optional(), responseMove: responseMove.optional() })
  .meta({ id: 'ActionCreate' });
export type ActionCreate = z.infer<typeof actionCreate>;
export const actionPatch = z
  .strictObject(actionFields)
  .partial()
  .extend({ version: version.optional(), responseMove: responseMove.optional() })
  .meta({ id: 'ActionPatch' });
export type ActionPatch = z.infer<typeof actionPatch>;

export const action = z
  .object({
    id,
    demandId: id,
    ...actionFields,
    responseAssessmentIds: z.array(id).describe('Readings recorded from the target’s response'),
    version,
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Action' });
export type Action = z.infer<typeof action>;

export const actionListQuery = z.object({
  demand: id.optional(),
  target: id.optional().describe('Only actions aimed at this actor'),
});
