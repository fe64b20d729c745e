import { z } from 'zod';
import { actorFields } from './actor.js';
import { alwaysInternal } from './internal-fields.js';
import { brokersQuery, communitiesQuery, interlocksQuery, leverageQuery, pathsQuery } from './analysis.js';
import { id, isoDateTime, version } from './common.js';
import { annotation, mapMember, mapViews } from './map.js';
import { relationshipCommon, relationshipMeta, relationshipTypeFields, relationshipTypes, type RelationshipType } from './relationship.js';
import { sourceFields } from './source.js';

export const shareAccess = ['read', 'edit'] as const;
export type ShareAccess = (typeof shareAccess)[number];
export const shareStatuses = ['pending', 'accepted', 'declined'] as const;
export type ShareStatus = (typeof shareStatuses)[number];

function without<S extends Record<string, z.ZodType>>(shape: S, hidden: readonly string[]): S {
  return Object.fromEntries(Object.entries(shape).filter(([key]) => !hidden.includes(key))) as S;
}

const workspaceRef = z.object({ id, name: z.string() });

export const shareParams = z.object({ ws: id, id, shareId: id });
export const incomingParams = z.object({ ws: id, shareId: id });

export const shareCreate = z
  .strictObject({
    partnerWorkspaceId: id.describe('The id the partner workspace gives out (its owner finds it on their workspace page)'),
    access: z.enum(shareAccess).describe('read: see the map; edit: also add actors and ties to it'),
  })
  .meta({ id: 'ShareCreate' });

/** A share as the offering workspace sees it. */
export const share = z
  .object({
    id,
    mapId: id,
    partnerWorkspace: workspaceRef,
    access: z.enum(shareAccess),
    status: z.enum(shareStatuses).describe('pending until the partner’s owner accepts or declines'),
    offeredBy: z.string().nullable(),
    createdAt: isoDateTime,
    respondedAt: isoDateTime.nullable(),
  })
  .meta({ id: 'Share' });
export type Share = z.infer<typeof share>;

/** A share in the list of everything this workspace shares. */
export const outgoingShare = share.extend({ mapName: z.string() }).meta({ id: 'OutgoingShare' });
export type OutgoingShare = z.infer<typeof outgoingShare>;

/** Who added what to a map through a share: lets the client colour partners' ties. */
export const contribution = z
  .object({ entityType: z.enum(['actor', 'relationship']), entityId: id, workspace: workspaceRef })
  .meta({ id: 'Contribution' });
export type Contribution = z.infer<typeof contribution>;

export const mapShares = z.object({
  items: z.array(share),
  contributions: z.array(contribution).describe('Actors and ties on this map that partners added'),
});

/** An offer as the partner workspace's owner sees it. */
export const incomingShare = z
  .object({
    id,
    access: z.enum(shareAccess),
    status: z.enum(shareStatuses),
    offeringWorkspace: workspaceRef,
    map: z.object({ id, name: z.string(), description: z.string(), memberCount: z.number().int() }),
    createdAt: isoDateTime,
    respondedAt: isoDateTime.nullable(),
  })
  .meta({ id: 'IncomingShare' });
export type IncomingShare = z.infer<typeof incomingShare>;

/** An accepted share as every member of the partner workspace sees it. */
export const sharedMapSummary = z
  .object({
    shareId: id,
    access: z.enum(shareAccess),
    ownerWorkspace: workspaceRef,
    map: z.object({
      id,
      name: z.string(),
      description: z.string(),
      defaultView: z.enum(mapViews),
      memberCount: z.number().int(),
      updatedAt: isoDateTime,
    }),
    acceptedAt: isoDateTime.nullable(),
  })
  .meta({ id: 'SharedMapSummary' });
export type SharedMapSummary = z.infer<typeof sharedMapSummary>;

const provenance = {
  addedByWorkspaceId: id.nullable().describe('The partner workspace that added it through a share (null: the owning workspace)'),
  addedByWorkspaceName: z.string().nullable(),
};

// Partner schemas leave out the always-internal fields, so a payload that escaped redaction
// would still lose them when it is serialised.
const sharedActorShape = without(actorFields, alwaysInternal.actor) as Omit<typeof actorFields, 'contactOwner'>;

/**
 * An actor as a partner sees it: never the internal fields. Every field but its identity is
 * optional because the owning workspace may keep more of them internal.
 */
export const sharedActor = z
  .object({ id, ...sharedActorShape, version, createdAt: isoDateTime, updatedAt: isoDateTime })
  .partial()
  .required({ id: true, kind: true, name: true })
  .extend(provenance)
  .meta({ id: 'SharedActor' });
export type SharedActor = z.infer<typeof sharedActor>;

function sharedVariant<T extends RelationshipType>(type: T) {
  return z
    .object({
      type: z.literal(type),
      ...without(relationshipCommon, alwaysInternal.relationship),
      ...without(relationshipTypeFields[type] as Record<string, z.ZodType>, alwaysInternal.relationship),
      ...relationshipMeta.shape,
    })
    .partial()
    .required({ type: true, id: true, from: true, to: true })
    .extend(provenance);
}

type SharedVariant = ReturnType<typeof sharedVariant<RelationshipType>>;

/** A relationship as a partner sees it (no internal fields), with who added it. */
export const sharedRelationship = z
  .discriminatedUnion('type', relationshipTypes.map((t) => sharedVariant(t)) as unknown as [SharedVariant, ...SharedVariant[]])
  .meta({ id: 'SharedRelationship' });
export type SharedRelationship = z.infer<typeof sharedRelationship> & Record<string, unknown>;

/** A shared map: what it takes to draw it, and nothing from outside it. */
export const sharedMapDetail = z
  .object({
    share: z.object({ id, access: z.enum(shareAccess), ownerWorkspace: workspaceRef }),
    id,
    name: z.string(),
    description: z.string(),
    defaultView: z.enum(mapViews),
    members: z.array(mapMember),
    annotations: z.array(annotation).describe('The story, limited to what is on the map'),
    version,
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    actors: z.array(sharedActor),
    relationships: z.array(sharedRelationship),
  })
  .meta({ id: 'SharedMapDetail' });
export type SharedMapDetail = z.infer<typeof sharedMapDetail>;

const coordinate = z.number().min(-1e6).max(1e6);

/** A partner adds an actor (never into the owner's internal fields); it lands on the map. */
export const sharedActorCreate = z
  .strictObject(sharedActorShape)
  .partial()
  .required({ kind: true, name: true })
  .extend({ position: z.strictObject({ x: coordinate, y: coordinate }).optional().describe('Where it goes on the map') })
  .meta({ id: 'SharedActorCreate' });
export type SharedActorCreate = z.infer<typeof sharedActorCreate>;

/** A partner adds a tie between two actors on the map, optionally citing a new source by URL. */
export const sharedRelationshipCreate = z
  .object({
    type: z.enum(relationshipTypes),
    from: id,
    to: id,
    source: z
      .strictObject({ url: sourceFields.url, title: sourceFields.title.optional() })
      .optional()
      .describe('Cite a page; it becomes a source of the owning workspace'),
  })
  .catchall(z.unknown())
  .describe('The fields of a relationship of that type (as in POST /relationships, without id), plus an optional source')
  .meta({ id: 'SharedRelationshipCreate' });
export type SharedRelationshipCreate = z.infer<typeof sharedRelationshipCreate>;

export const sharedPathsQuery = pathsQuery.omit({ map: true, around: true, depth: true });
export const sharedBrokersQuery = brokersQuery.omit({ map: true, around: true, depth: true });
export const sharedLeverageQuery = leverageQuery.omit({ map: true, around: true, depth: true });
export const sharedCommunitiesQuery = communitiesQuery.omit({ map: true, around: true, depth: true });
export const sharedInterlocksQuery = interlocksQuery.omit({ map: true, around: true, depth: true });

// ---- combined reach ----

export const reachQuery = z.object({
  target: id.describe('An actor of this workspace, or one on a map shared with it'),
  limit: z.coerce.number().int().min(1).max(500, 'must be at most 500').default(200),
});

const reachActor = z.object({
  id,
  name: z.string(),
  kind: z.enum(['person', 'organization']),
  roles: z.array(z.string()).optional(),
  power: z.number().nullable().optional(),
  alignment: z.number().nullable().optional(),
});

export const reachTie = z.object({
  relationshipId: id,
  type: z.enum(relationshipTypes),
  strength: z.number().int(),
  mutual: z.boolean(),
  direction: z.enum(['to-target', 'from-target']).describe('Whether the tie points at the target or away from it'),
  actorId: id.describe('Who in the coalition holds the tie'),
  targetActorId: id.describe('The target, or the record of it on that map'),
  matchedBy: z.string().describe('"id", or the shared external id, e.g. "wikidata:Q42"'),
  mapId: id,
});

export const reachAnswer = z
  .object({
    target: z.object({
      id,
      name: z.string(),
      kind: z.enum(['person', 'organization']),
      externalIds: z.record(z.string(), z.string()),
      workspace: workspaceRef,
    }),
    partners: z
      .array(
        z.object({
          workspace: workspaceRef.extend({ isUs: z.boolean() }),
          ties: z.array(reachTie),
          strongest: z.number().int(),
        }),
      )
      .describe('By the organisation each tie came from, strongest first'),
    maps: z
      .array(z.object({ id, name: z.string(), workspace: workspaceRef, shared: z.enum(['with-us', 'by-us']) }))
      .describe('The maps searched'),
    actors: z.array(reachActor),
    truncated: z.boolean().describe('true when more ties were found than limit'),
    note: z.string(),
  })
  .meta({ id: 'CoalitionReach' });
export type ReachAnswer = z.infer<typeof reachAnswer>;
