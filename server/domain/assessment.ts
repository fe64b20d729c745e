import { z } from 'zod';
import { alignment, power } from './actor.js';
import { id, isoDate, isoDateTime } from './common.js';
import { readingNote as note, readingSource as source } from './reading.js';

export const assessmentCreate = z
  .strictObject({
    power,
    alignment,
    note: note.default(''),
    source: source.default(''),
    sourceId: id.nullable().optional().describe('A source of this workspace the reading cites'),
    at: isoDateTime.optional().describe('When the reading was true; defaults to now'),
    id: id.optional(),
  })
  .meta({ id: 'AssessmentCreate' });

export const assessment = z
  .object({
    id,
    actorId: id,
    power: power.nullable().describe('Null when only alignment was known'),
    alignment: alignment.nullable().describe('Null when only power was known'),
    note: z.string(),
    source: z.string(),
    sourceId: id.nullable().describe('The workspace source the reading cites, if any'),
    at: isoDateTime,
    authorId: id.nullable(),
    authorName: z.string().nullable(),
  })
  .meta({ id: 'Assessment' });
export type Assessment = z.infer<typeof assessment>;

/** The answer to recording a reading: the reading and the actor's version after it (the editor's next save bases on it). */
export const assessmentRecorded = assessment
  .extend({
    actorVersion: z.number().int().describe('The actor’s version after this reading (unchanged when a later reading stays current)'),
  })
  .meta({ id: 'AssessmentRecorded' });
export type AssessmentRecorded = z.infer<typeof assessmentRecorded>;

export const assessmentsAtQuery = z.object({
  at: z.union([isoDate, isoDateTime]).describe('Every actor’s latest reading on or before this date'),
});

export const assessmentChangesQuery = z.object({
  since: z.union([isoDate, isoDateTime]).describe('Changes from this date (its start, for a date) up to now'),
  map: id.optional().describe('Only actors on this map'),
});

const position = z.object({ power: power.nullable(), alignment: alignment.nullable(), at: isoDateTime });
export const assessmentChange = z
  .object({
    actorId: id,
    name: z.string(),
    from: position.nullable().describe('Where they stood before the date (null: not assessed then)'),
    to: position.describe('Where they stand now'),
    powerDelta: z.number().int().nullable(),
    alignmentDelta: z.number().int().nullable(),
    readings: z.array(assessment).describe('The readings since the date, oldest first, with their notes and sources'),
  })
  .meta({ id: 'AssessmentChange' });
export const assessmentChanges = z.object({ since: isoDateTime, items: z.array(assessmentChange) });
export type AssessmentChanges = z.infer<typeof assessmentChanges>;
export type AssessmentChange = z.infer<typeof assessmentChange>;

export const assessmentRange = z.object({
  earliest: isoDateTime.nullable().describe('The first reading (null: none yet), where the time slider starts'),
  latest: isoDateTime.nullable(),
});
