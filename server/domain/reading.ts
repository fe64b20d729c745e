import { z } from 'zod';
import { isoDate, isoDateTime } from './common.js';

export const readingNote = z.string().max(2000);
export const readingSource = z.string().trim().max(500).describe('Where the reading comes from: a citation or a URL');

/**
 * A reading made as part of another write (creating or editing an actor, a batch, an import):
 * a change of power or alignment is always recorded, dated today unless `assessedAt` says when.
 */
export const readingFields = {
  assessedAt: z
    .union([isoDate, isoDateTime])
    .optional()
    .describe('When a new power or alignment was true (a date or date-time; defaults to now)'),
  assessmentNote: readingNote.optional().describe('Why power or alignment changed (kept with the reading)'),
  assessmentSource: readingSource.optional(),
};
export type ReadingInput = { assessedAt?: string | undefined; assessmentNote?: string | undefined; assessmentSource?: string | undefined };
