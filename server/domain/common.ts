import { z } from 'zod';

export const id = z.uuid({ message: 'must be an id (a UUID)' });

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
