import { z } from 'zod';
import { actorFields } from './actor.js';
import { id, isoDateTime } from './common.js';
import { annotation, mapMember, mapViews } from './map.js';
import { relationshipCommon, relationshipTypeFields, type RelationshipType } from './relationship.js';

export const mapLinkParams = z.object({ ws: id, mapId: id });
export const mapLinkIdParams = z.object({ ws: id, mapId: id, id });
/** Any string: a malformed token is answered exactly like an unknown one, never with a 400. */
export const publicMapParams = z.object({ token: z.string().describe('The secret part of the link') });

export const mapLinkCreate = z
  .strictObject({
    expiresAt: isoDateTime.nullable().optional().describe('When the link stops working (in the future); none: until revoked'),
    story: z.boolean().default(false).describe('Whether the link also shows the map’s story'),
  })
  .meta({ id: 'MapLinkCreate' });
export type MapLinkCreate = z.infer<typeof mapLinkCreate>;

/** A link as its workspace lists it: never with its token, which only its creator ever sees. */
export const mapLink = z
  .object({
    id,
    story: z.boolean(),
    expiresAt: isoDateTime.nullable(),
    expired: z.boolean().describe('Past its expiry: it no longer opens the map'),
    createdAt: isoDateTime,
    createdBy: z.string().nullable().describe('Name of the member who made it'),
  })
  .meta({ id: 'MapLink' });
export type MapLink = z.infer<typeof mapLink>;

export const mapLinkCreated = mapLink
  .extend({
    token: z.string().describe('The secret: shown this once, stored only as a hash'),
    url: z.string().describe('The read-only page to pass on'),
    embedUrl: z.string().describe('The same map for an <iframe>'),
  })
  .meta({ id: 'MapLinkCreated' });
export type MapLinkCreated = z.infer<typeof mapLinkCreated>;

/*
 * What a link holder may see, as an allow-list: the response is serialised through these
 * schemas, which drop every key they do not name. Internal fields are taken out before
 * (services/redact.ts); the fields an owner may make internal are optional here, and the
 * always-internal ones are not named at all, so they cannot leave even by mistake.
 */
const { kind, name: _name, contactOwner: _contactOwner, privateNotes: _privateNotes, ...actorRest } = actorFields;

export const publicActor = z.object(actorRest).partial().extend({ id, kind, name: z.string() }).meta({ id: 'PublicActor' });
export type PublicActor = z.infer<typeof publicActor>;

const { from: _from, to: _to, mutual, privateNotes: _relNotes, ...relationshipRest } = relationshipCommon;

function publicVariant<T extends RelationshipType>(type: T) {
  return z
    .object({ ...relationshipRest, ...relationshipTypeFields[type] })
    .partial()
    .extend({ id, type: z.literal(type), from: id, to: id, mutual });
}

export const publicRelationship = z
  .discriminatedUnion('type', [
    publicVariant('POSITION'),
    publicVariant('MEMBERSHIP'),
    publicVariant('OWNERSHIP'),
    publicVariant('DONATION'),
    publicVariant('TRANSACTION'),
    publicVariant('LOBBYING'),
    publicVariant('FAMILY'),
    publicVariant('SOCIAL'),
    publicVariant('PROFESSIONAL'),
    publicVariant('HIERARCHY'),
    publicVariant('INFLUENCE'),
    publicVariant('ALLIANCE'),
    publicVariant('OPPOSITION'),
    publicVariant('GENERIC'),
  ])
  .meta({ id: 'PublicRelationship' });
export type PublicRelationship = z.infer<typeof publicRelationship>;

export const publicMap = z
  .object({
    name: z.string(),
    description: z.string(),
    defaultView: z.enum(mapViews),
    members: z.array(mapMember).describe('Where each actor sits, and how it is drawn'),
    annotations: z.array(annotation).describe('The story’s steps, when the link shares it (else empty)'),
    story: z.boolean().describe('Whether this link shares the story'),
    actors: z.array(publicActor),
    relationships: z.array(publicRelationship).describe('The ties among the actors on the map, and no others'),
    expiresAt: isoDateTime.nullable(),
  })
  .meta({ id: 'PublicMap', description: 'One map as a link holder sees it: read-only, without the workspace’s internal fields.' });
export type PublicMap = z.infer<typeof publicMap>;
