import { z } from 'zod';
import { actor } from './actor.js';
import { id } from './common.js';
import { relationship, relationshipTypes } from './relationship.js';
import { source } from './source.js';

/** One relationship as seen from the actor: which way it points and who is at the other end. */
export const actorTie = z.object({
  relationship,
  direction: z.enum(['out', 'in']),
  other: z.object({ id, name: z.string(), kind: z.enum(['person', 'organization']) }),
});
export type ActorTie = z.infer<typeof actorTie>;

export const actorDetail = actor
  .extend({
    relationships: z.partialRecord(z.enum(relationshipTypes), z.array(actorTie)).describe('Grouped by type'),
    sources: z.array(source).describe('Every source cited by the actor or its relationships'),
    maps: z.array(z.object({ id, name: z.string() })),
  })
  .meta({ id: 'ActorDetail' });
export type ActorDetail = z.infer<typeof actorDetail>;
