import { z } from 'zod';
import { id, isoDate, isoDateTime, longText, version } from './common.js';

/** Where a demand stands, in the order a campaign usually moves through them. */
export const demandStatuses = ['drafting', 'presented', 'won', 'partly_won', 'lost', 'dropped'] as const;
export type DemandStatus = (typeof demandStatuses)[number];

/** Statuses stored before migration 047 (and still inside old change-log entries). */
export const legacyDemandStatus: Record<string, DemandStatus> = { draft: 'drafting', active: 'presented', shelved: 'dropped' };
export const currentDemandStatus = (status: string): DemandStatus =>
  legacyDemandStatus[status] ?? ((demandStatuses as readonly string[]).includes(status) ? (status as DemandStatus) : 'drafting');

/**
 * Ties through which a named decision-making body (a school board, a council) expands to the
 * people who decide in it: a person holding a POSITION at the body, or a MEMBERSHIP of it.
 */
export const bodyMemberTypes = ['POSITION', 'MEMBERSHIP'] as const;

const why = z.string().trim().max(1000);

export const demandFields = {
  title: z.string().trim().min(1, 'must not be empty').max(300),
  description: longText,
  status: z.enum(demandStatuses, { message: `must be one of ${demandStatuses.join(', ')}` }),
  deadline: isoDate.nullable().describe('When the campaign wants the demand granted (YYYY-MM-DD)'),
  primaryTargetIds: z
    .array(id)
    .max(50)
    .describe(
      'Who can grant the demand: people, or a decision-making body that expands to its members (POSITION or MEMBERSHIP ties to it)',
    ),
  secondaryTargetIds: z.array(id).max(200).describe('People or organisations who can move a primary target'),
  targetWhy: z.record(id, why).describe('Why each target is one, by actor id'),
};
export const demandDefaults = {
  description: '',
  status: 'drafting' as const,
  deadline: null,
  primaryTargetIds: [] as string[],
  secondaryTargetIds: [] as string[],
  targetWhy: {} as Record<string, string>,
};

export const demandData = z.strictObject(demandFields);
export type DemandData = z.infer<typeof demandData>;

const statusAt = isoDateTime.optional().describe('When the status changed, if not now (a status set on a past date)');

export const demandCreate = z
  .strictObject(demandFields)
  .partial()
  .required({ title: true })
  .extend({ id: id.optional().describe('Client-chosen id: sending the same create twice makes one demand'), statusAt })
  .meta({ id: 'DemandCreate' });
export type DemandCreate = z.infer<typeof demandCreate>;
export const demandPatch = z
  .strictObject(demandFields)
  .partial()
  .extend({ version: version.optional(), statusAt })
  .meta({ id: 'DemandPatch' });
export type DemandPatch = z.infer<typeof demandPatch>;

export const statusChange = z.object({
  status: z.enum(demandStatuses),
  at: isoDateTime,
  by: z.string().nullable().describe('Who recorded it'),
});
export type StatusChange = z.infer<typeof statusChange>;

const actorRef = z.object({ id, name: z.string(), kind: z.enum(['person', 'organization']) });
const targetRef = actorRef.extend({
  why: z.string(),
  members: z.array(actorRef.extend({ via: z.enum(bodyMemberTypes) })).describe('For a decision-making body: the people who decide in it'),
});
export const demand = z
  .object({
    id,
    ...demandFields,
    statusHistory: z.array(statusChange).describe('Every status the demand has had, oldest first, each dated'),
    primaryTargets: z.array(targetRef),
    secondaryTargets: z.array(targetRef),
    decisionMakerIds: z.array(id).describe('The people who can say yes: primary targets who are people, and the members of primary bodies'),
    version,
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Demand' });
export type Demand = z.infer<typeof demand>;

export const demandListQuery = z.object({
  cursor: z.string().max(500).optional().describe('Opaque cursor from the previous page’s nextCursor'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  target: id.optional().describe('Only demands that target this actor (primary or secondary)'),
});
