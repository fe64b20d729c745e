import { z } from 'zod';
import { actorKinds, actorRoles, alignment, power } from './actor.js';
import { id } from './common.js';
import { relationshipTypes, type RelationshipType } from './relationship.js';

/** An actor as much as a drawing of an answer needs. */
export const analysisActor = z
  .object({
    id,
    name: z.string(),
    kind: z.enum(actorKinds),
    roles: z.array(z.enum(actorRoles)),
    power: power.nullable(),
    alignment: alignment.nullable(),
  })
  .meta({ id: 'AnalysisActor' });
export type AnalysisActor = z.infer<typeof analysisActor>;

/** A relationship as much as a drawing of an answer needs. */
export const analysisRelationship = z
  .object({
    id,
    type: z.enum(relationshipTypes),
    from: id,
    to: id,
    strength: z.number().int().min(1).max(5),
    mutual: z.boolean(),
  })
  .meta({ id: 'AnalysisRelationship' });
export type AnalysisRelationship = z.infer<typeof analysisRelationship>;

/** What every answer carries so the client can highlight it without another request. */
export const drawable = {
  actors: z.array(analysisActor),
  relationships: z.array(analysisRelationship),
};
export type Drawable = z.infer<z.ZodObject<typeof drawable>>;

// ---- query parameters ----

const idList = (max: number, what: string) =>
  z
    .string()
    .max(max * 40)
    .transform((text) =>
      text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(id).max(max, `at most ${max} ${what}`))
    .refine((ids) => new Set(ids).size === ids.length, `must not name the same ${what.replace(/s$/, '')} twice`);

export const typeList = z
  .string()
  .max(400)
  .transform((text) =>
    text
      .split(',')
      .map((s) => s.trim().toUpperCase())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(relationshipTypes, { message: `must be relationship types from: ${relationshipTypes.join(', ')}` })).min(1))
  .describe('Comma-separated relationship types (default: all)');

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

/** The part of the graph an answer is computed over: the workspace, a map, or a neighbourhood. */
export const scopeQuery = z.object({
  map: id.optional().describe('Only the actors shown on this map'),
  around: id.optional().describe('Only the neighbourhood of this actor (with depth)'),
  depth: z.coerce
    .number()
    .int()
    .min(1, 'must be 1 to 3')
    .max(3, 'must be 1 to 3')
    .optional()
    .describe('Neighbourhood depth for around= (default 2)'),
});
export type ScopeQuery = z.infer<typeof scopeQuery>;

export const neighborhoodQuery = z.object({
  actor: id,
  depth: z.coerce.number().int().min(1, 'must be 1 to 3').max(3, 'must be 1 to 3').default(1),
  direction: z.enum(['out', 'in', 'both']).default('both'),
  types: typeList.optional(),
  limit: z.coerce.number().int().min(1).max(500, 'must be at most 500').default(100),
});
export type NeighborhoodQuery = z.infer<typeof neighborhoodQuery>;

export const MAX_HOPS = 6;
export const MAX_PATHS = 10;

export const pathsQuery = scopeQuery.extend({
  from: id,
  to: id,
  k: z.coerce.number().int().min(1).max(MAX_PATHS, `must be at most ${MAX_PATHS}`).default(3),
  maxHops: z.coerce.number().int().min(1).max(MAX_HOPS, `must be at most ${MAX_HOPS}`).default(MAX_HOPS),
  types: typeList.optional(),
  exclude: idList(50, 'actors').optional().describe('Actors no path may pass through'),
  weighted: bool.default(false).describe('Strong ties count as shorter than weak ones'),
});
export type PathsQuery = z.infer<typeof pathsQuery>;

export const interlocksQuery = scopeQuery.extend({
  actors: idList(20, 'actors').refine((ids) => ids.length >= 2, 'name at least two actors'),
  min: z.coerce.number().int().min(2).optional().describe('Connected to at least this many of them (default: all)'),
  types: typeList.optional(),
});
export type InterlocksQuery = z.infer<typeof interlocksQuery>;

export const brokersQuery = scopeQuery.extend({
  limit: z.coerce.number().int().min(1).max(500, 'must be at most 500').default(50),
  types: typeList.optional(),
});
export type BrokersQuery = z.infer<typeof brokersQuery>;

export const communitiesQuery = scopeQuery.extend({
  resolution: z.coerce.number().gt(0, 'must be above 0').max(10, 'must be at most 10').default(1),
  types: typeList.optional(),
});
export type CommunitiesQuery = z.infer<typeof communitiesQuery>;

export const leverageQuery = scopeQuery.extend({
  target: id,
  from: z
    .string()
    .max(200 * 40)
    .default('base')
    .describe('"base" (actors with the role base) or comma-separated actor ids'),
  k: z.coerce.number().int().min(1).max(MAX_PATHS, `must be at most ${MAX_PATHS}`).default(5),
  maxHops: z.coerce.number().int().min(1).max(MAX_HOPS, `must be at most ${MAX_HOPS}`).default(4),
  types: typeList.optional(),
});
export type LeverageQuery = z.infer<typeof leverageQuery>;

export const circleQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500, 'must be at most 500').default(50),
});

// ---- answers ----

const hop = z.object({
  relationshipId: id,
  from: id.describe('The actor this step leaves'),
  to: id.describe('The actor this step reaches'),
  forward: z.boolean().describe('The step follows the stored direction of the relationship'),
});

export const pathItem = z.object({
  actorIds: z.array(id),
  steps: z.array(hop),
  hops: z.number().int(),
  cost: z.number().describe('Hops when unweighted; the sum of step costs (1 for strength 5 … 2 for strength 1) when weighted'),
});
export type PathItem = z.infer<typeof pathItem>;

export const neighborhoodAnswer = z.object({
  center: id,
  ...drawable,
  depths: z.record(z.string(), z.number().int()).describe('Hops from the centre, per actor id'),
  total: z.number().int().describe('Actors in the neighbourhood before the limit'),
  truncated: z.boolean(),
});

export const pathsAnswer = z.object({
  paths: z.array(pathItem),
  ...drawable,
  weighted: z.boolean(),
  maxHops: z.number().int(),
  complete: z.boolean().describe('false when the time budget ran out before the search finished'),
  note: z.string(),
});
export type PathsAnswer = z.infer<typeof pathsAnswer>;

export const interlockItem = z.object({
  actorId: id,
  connectedTo: z.array(id),
  relationshipIds: z.array(id),
});
export const interlocksAnswer = z.object({
  actorIds: z.array(id),
  min: z.number().int(),
  groups: z.array(z.object({ type: z.enum(relationshipTypes), label: z.string(), items: z.array(interlockItem) })),
  mixed: z.array(interlockItem).describe('Connected to enough of them only by ties of different types'),
  ...drawable,
});
export type InterlocksAnswer = z.infer<typeof interlocksAnswer>;

export const brokerItem = z.object({
  actorId: id,
  degree: z.number().int(),
  weightedDegree: z.number(),
  betweenness: z.number(),
  pagerank: z.number(),
  closeness: z.number(),
  structural: z.number().describe('0…1: the structural part of the score'),
  brokerScore: z.number(),
});
export type BrokerItem = z.infer<typeof brokerItem>;

export const brokersAnswer = z.object({
  items: z.array(brokerItem),
  ...drawable,
  actorCount: z.number().int(),
  relationshipCount: z.number().int(),
  betweenness: z.object({
    mode: z.enum(['exact', 'sampled']),
    sampleSize: z.number().int(),
    seed: z.number().int(),
    errorBound: z
      .number()
      .describe('0 when exact; sampled: with 95 % confidence every betweenness (0…1) is within ± this of the exact value'),
    error: z.string().describe('The error of the betweenness, in words'),
  }),
  method: z.string().describe('How brokerScore is computed'),
  dataVersion: z.number().int().describe('The workspace change sequence the answer was computed at'),
  basis: z
    .object({
      version: z.number().int().describe('The change sequence the measures were computed at (as dataVersion)'),
      changesSince: z
        .number()
        .int()
        .describe(
          'Changes made to the workspace since then: 0 for a fresh answer; above 0, a recent answer given while a fresh one is computed',
        ),
      refreshing: z.boolean().describe('A fresh answer is being computed; asking again shortly gives it'),
    })
    .describe('What the answer was computed on: a large workspace answers from its last measures for a while after an edit'),
});
export type BrokersAnswer = z.infer<typeof brokersAnswer>;

export const communityItem = z.object({
  id: z.number().int(),
  name: z.string(),
  centralActorId: id,
  size: z.number().int(),
  actorIds: z.array(id),
});
export type Community = z.infer<typeof communityItem>;
export const communitiesAnswer = z.object({
  communities: z.array(communityItem),
  modularity: z.number(),
  resolution: z.number(),
  ...drawable,
  relationshipsTruncated: z.boolean(),
  dataVersion: z.number().int(),
});
export type CommunitiesAnswer = z.infer<typeof communitiesAnswer>;

export const leverageRoute = z.object({
  rank: z.number().int(),
  score: z.number(),
  fromActorId: id,
  actorIds: z.array(id),
  steps: z.array(hop),
  summary: z.string().describe('our member → sits on the board of → an ally (+2) → donates to → the target'),
  explanation: z.array(z.string()).describe('One line per factor of the score'),
});
export const leverageAnswer = z.object({
  targetId: id,
  fromActorIds: z.array(id),
  routes: z.array(leverageRoute),
  ...drawable,
  method: z.string(),
  complete: z.boolean(),
});
export type LeverageAnswer = z.infer<typeof leverageAnswer>;

export const circleItem = z.object({
  actorId: id,
  score: z.number(),
  over: z.array(id).describe('The primary targets this actor has power over'),
  relationshipIds: z.array(id),
  reasons: z.array(z.string()),
});
export const circleAnswer = z.object({
  demandId: id,
  primaryTargetIds: z.array(id),
  items: z.array(circleItem),
  ...drawable,
  method: z.string(),
});

/** Ties a route or a circle may use, unless the caller names types. */
export const allTypes: readonly RelationshipType[] = relationshipTypes;
