import { z } from 'zod';
import { actor, actorKinds, actorRoles, sectors } from './actor.js';

const intRange = (min: number, max: number) => z.coerce.number().int().min(min).max(max).optional();

export const searchQuery = z.object({
  q: z.string().max(200).default('').describe('Words from a name, alias or description; typos are tolerated'),
  kind: z.enum(actorKinds).optional(),
  role: z.enum(actorRoles).optional(),
  sector: z.enum(sectors).optional(),
  tag: z.string().max(60).optional(),
  powerMin: intRange(0, 5),
  powerMax: intRange(0, 5),
  alignmentMin: intRange(-3, 3),
  alignmentMax: intRange(-3, 3),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type SearchQuery = z.infer<typeof searchQuery>;

export const searchResult = z.object({ items: z.array(actor.extend({ score: z.number() })) }).meta({ id: 'SearchResult' });
