import { z } from 'zod';
import { actorKinds } from './actor.js';
import { id, isoDateTime } from './common.js';
import { relationshipTypes } from './relationship.js';

export const importFormats = ['csv', 'xlsx', 'kumu', 'ftm', 'littlesis', 'sec13f', 'bods', 'backup'] as const;
export type ImportFormat = (typeof importFormats)[number];

export const importStates = ['queued', 'running', 'done', 'failed'] as const;
export type ImportState = (typeof importStates)[number];

/**
 * How much of an import is in the workspace now. A large import is written in parts; if it
 * fails or its server stops halfway, what it wrote is removed again (`removing`, then `none`),
 * so an import is never left half there.
 */
export const importWrittenStates = ['none', 'partly', 'removing', 'all'] as const;
export type ImportWritten = (typeof importWrittenStates)[number];

const column = z.string().min(1).max(200);

/** One end of a table's row: which column names the actor, and what it is. */
const endMapping = z.strictObject({
  column: column.describe('Column holding the actor’s name'),
  kind: z.enum(actorKinds).optional().describe('Kind of every actor in this column (default organization)'),
  kindColumn: column.optional().describe('Column holding "person" or "organization" (or Person/Org/Company…) per row'),
  idColumn: column.optional().describe('Column holding an external id of the actor'),
  idKey: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,39}$/)
    .optional()
    .describe('Name of that external id, such as fec or wikidata (default "import")'),
  tagColumns: z.array(column).max(20).optional().describe('Columns whose values become tags of the actor'),
});

/**
 * How a plain table reads as relationships: each row joins the actor named in `from` to
 * the one named in `to`. A saved mapping is reused for the next file of the same shape.
 */
export const importMapping = z
  .strictObject({
    sheet: z.string().max(200).optional().describe('XLSX sheet to read (default the first)'),
    from: endMapping,
    to: endMapping,
    type: z
      .strictObject({
        column: column.optional().describe('Column with the relationship type or a free-text label'),
        value: z.enum(relationshipTypes).optional().describe('Type of every row (when there is no column)'),
        labels: z
          .record(z.string().max(200), z.enum(relationshipTypes))
          .optional()
          .describe('Free-text labels read as our types (see the suggestions of a dry run)'),
      })
      .optional(),
    sourceUrl: column.optional(),
    startDate: column.optional(),
    endDate: column.optional(),
    date: column.optional().describe('Date of a donation or transaction'),
    amount: column.optional(),
    currency: column.optional(),
    title: column.optional().describe('Title of a position, or role of a membership'),
    notes: column.optional().describe('Becomes the relationship’s description'),
  })
  .meta({ id: 'ImportMapping' });
export type ImportMapping = z.infer<typeof importMapping>;

export const importCounts = z.object({
  actorsCreated: z.number().int(),
  actorsMatched: z.number().int(),
  relationshipsCreated: z.number().int(),
  relationshipsMatched: z.number().int(),
  sourcesCreated: z.number().int(),
  skipped: z.number().int(),
});
export type ImportCounts = z.infer<typeof importCounts>;

export const importRowError = z.object({
  row: z.number().int().describe('Row of the file (1 is a table’s header; a line for FtM)'),
  column: z.string().optional(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof importRowError>;

export const importWarning = z.object({
  row: z.number().int().optional().describe('Row, line or statement of the file the warning is about'),
  message: z.string(),
});
export type ImportWarning = z.infer<typeof importWarning>;

export const fuzzyCandidate = z.object({
  row: z.number().int(),
  name: z.string().describe('Incoming name that will be created as a new actor'),
  candidates: z.array(z.object({ id, name: z.string(), score: z.number() })),
});
export type FuzzyCandidate = z.infer<typeof fuzzyCandidate>;

/**
 * The user's answers to the fuzzy candidates of a preview: an incoming name confirmed as
 * the same as an existing actor is matched to it; a name left out is kept apart (created).
 */
export const importMatches = z
  .record(z.string().min(1).max(500), id)
  .refine((m) => Object.keys(m).length <= 1000, { message: 'at most 1000 names' })
  .describe('Incoming names confirmed as the same as an existing actor (name → actor id); any other name is kept apart')
  .meta({ id: 'ImportMatches' });
export type ImportMatches = z.infer<typeof importMatches>;

export const labelSuggestion = z.object({ label: z.string(), type: z.enum(relationshipTypes), rows: z.number().int() });
export type LabelSuggestion = z.infer<typeof labelSuggestion>;

export const importSample = z
  .object({
    detected: z.enum(importFormats).describe('The format the file was read as (Kumu’s shape is recognised in a CSV or XLSX)'),
    sheets: z.array(
      z.object({
        name: z.string(),
        columns: z.array(z.string()),
        rows: z.array(z.array(z.string())).describe('The first rows after the header'),
      }),
    ),
  })
  .describe('The first rows of each sheet, for mapping columns');

export const importJob = z
  .object({
    id,
    format: z.enum(importFormats),
    fileName: z.string().nullable(),
    dryRun: z.boolean(),
    state: z.enum(importStates),
    progress: z.object({ rows: z.number().int(), totalRows: z.number().int() }),
    counts: importCounts,
    errors: z.array(importRowError).describe('Every failing row (the first 500)'),
    errorCount: z.number().int(),
    failure: z.string().nullable().describe('Why the job failed as a whole; what it had written is removed (see `written`)'),
    written: z
      .enum(importWrittenStates)
      .describe(
        'What of the import is in the workspace: none (a preview, or failed and removed), partly (while it runs), removing (failed; its parts are being taken out), all (done)',
      ),
    parts: z.number().int().describe('Changes the import was written in (one for most files; large ones in parts of 10,000 records)'),
    warnings: z
      .array(importWarning)
      .describe(
        'What to check though nothing failed: declared totals that disagree with the rows, rows left out, figures converted (the first 500)',
      ),
    fuzzy: z.array(fuzzyCandidate).describe('New actors whose names are close to existing ones (dry run)'),
    labels: z.array(labelSuggestion).describe('How free-text relationship labels were read'),
    sample: importSample.nullable(),
    changeId: z.string().nullable().describe('The change that finished the import (its last part): history lists every part'),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'ImportJob' });
export type ImportJob = z.infer<typeof importJob>;

export const importJobList = z.object({ items: z.array(importJob) });
export const importAccepted = z.object({ id }).meta({ id: 'ImportAccepted' });
