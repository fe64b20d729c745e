import { z } from 'zod';
import { actorKinds } from './actor.js';
import { MAX_LIMIT, id, isoDateTime } from './common.js';
import { relationshipTypes } from './relationship.js';
import { source } from './source.js';

/** How many citing records of each kind one source entry lists (the counts are always whole). */
export const CITED_BY_SHOWN = 20;

const actorRef = z.object({ id, name: z.string(), kind: z.enum(actorKinds) });
const tieRef = z.object({ id, type: z.enum(relationshipTypes), from: actorRef, to: actorRef });
const readingRef = z.object({
  id,
  actor: actorRef,
  at: isoDateTime,
  power: z.number().int().nullable(),
  alignment: z.number().int().nullable(),
});

export const sourceIndexEntry = z
  .object({
    source,
    actors: z.array(actorRef).describe(`Actors whose fields cite it (at most ${CITED_BY_SHOWN})`),
    relationships: z.array(tieRef).describe(`Relationships that cite it (at most ${CITED_BY_SHOWN})`),
    readings: z.array(readingRef).describe(`Assessments that cite it (at most ${CITED_BY_SHOWN})`),
    counts: z.object({ actors: z.number().int(), relationships: z.number().int(), readings: z.number().int(), total: z.number().int() }),
  })
  .meta({ id: 'SourceIndexEntry' });
export type SourceIndexEntry = z.infer<typeof sourceIndexEntry>;

export const uncitedItem = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('actor'),
    actor: actorRef.extend({ version: z.number().int().describe('To cite a source in the same step') }),
  }),
  z.object({ kind: z.literal('relationship'), relationship: tieRef.extend({ version: z.number().int() }) }),
]);
export type UncitedItem = z.infer<typeof uncitedItem>;

export const sourceIndexQuery = z.object({
  cursor: z.string().max(500).optional().describe('Cursor for the next page of sources'),
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(50).describe('Sources per page'),
  uncitedCursor: z.string().max(500).optional().describe('Cursor for the next page of uncited work'),
  uncitedLimit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(50).describe('Uncited actors and ties per page'),
});
export type SourceIndexQuery = z.infer<typeof sourceIndexQuery>;

export const sourceIndex = z
  .object({
    sources: z.array(sourceIndexEntry).describe('Sources, newest first, with what cites each'),
    nextCursor: z.string().nullable(),
    uncited: z.object({
      items: z.array(uncitedItem).describe('Actors, then relationships, that cite no source; by name'),
      nextCursor: z.string().nullable(),
      actors: z.number().int().describe('How many actors cite no source'),
      relationships: z.number().int().describe('How many relationships cite no source'),
    }),
    totals: z.object({ sources: z.number().int(), uncitedSources: z.number().int().describe('Sources nothing cites') }),
  })
  .meta({ id: 'SourceIndex' });
export type SourceIndex = z.infer<typeof sourceIndex>;
