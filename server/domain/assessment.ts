import { z } from 'zod';
import { alignment, power } from './actor.js';
import { id, isoDate, isoDateTime } from './common.js';

export const assessmentCreate = z
  .strictObject({
    power,
    alignment,
    note: z.string().max(2000).default(''),
    at: isoDateTime.optional().describe('When the reading was true; defaults to now'),
    id: id.optional(),
  })
  .meta({ id: 'AssessmentCreate' });

export const assessment = z
  .object({
    id,
    actorId: id,
    power,
    alignment,
    note: z.string(),
    at: isoDateTime,
    authorId: id.nullable(),
    authorName: z.string().nullable(),
  })
  .meta({ id: 'Assessment' });
export type Assessment = z.infer<typeof assessment>;

/** The answer to recording a reading: the reading and the actor's version after it (the editor's next save bases on it). */
export const assessmentRecorded = assessment
  .extend({ actorVersion: z.number().int().describe('The actor’s version after this reading (unchanged when a later reading stays current)') })
  .meta({ id: 'AssessmentRecorded' });
export type AssessmentRecorded = z.infer<typeof assessmentRecorded>;

export const assessmentsAtQuery = z.object({
  at: z.union([isoDate, isoDateTime]).describe('Every actor’s latest reading on or before this date'),
});
