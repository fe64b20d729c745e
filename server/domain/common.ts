import { z } from 'zod';

export const id = z.uuid({ message: 'must be an id (a UUID)' });

/** The version a write was based on; a stale one is refused with 409. */
export const version = z.number().int().min(1);

export const isoDate = z.iso.date({ message: 'must be a date as YYYY-MM-DD' });
export const isoDateTime = z.iso.datetime({ offset: true, message: 'must be a date-time such as 2026-01-31T09:00:00Z' });

export const shortText = z.string().trim().max(200);
export const longText = z.string().max(20_000);

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .loose()
  .meta({ id: 'Problem', description: 'An error a person can act on (RFC 9457 problem details).' });

export const MAX_LIMIT = 500;

export const pageQuery = z.object({
  cursor: z.string().max(500).optional().describe('Opaque cursor from the previous page’s nextCursor'),
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(100),
});

export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const versionQuery = z.object({
  version: z.coerce.number().int().min(1).optional().describe('The version the delete is based on (or send If-Match)'),
});

export const idParams = z.object({ ws: id, id });
export const wsParams = z.object({ ws: id });
