import { z } from 'zod';
import { actor } from './actor.js';
import { id, isoDateTime, longText, shortText, version } from './common.js';
import { relationship } from './relationship.js';

export const mapViews = ['network', 'grid', 'table'] as const;
export type MapView = (typeof mapViews)[number];

const coordinate = z.number().min(-1e6).max(1e6);

export const memberStyle = z
  .strictObject({
    color: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour such as #1f77b4')
      .optional(),
    size: z.number().min(0.25).max(4).optional().describe('Scale factor'),
    label: shortText.optional(),
    hidden: z.boolean().optional(),
  })
  .meta({ id: 'MemberStyle' });

export const mapMember = z.strictObject({
  actorId: id,
  x: coordinate.nullable().default(null).describe('null: not placed yet (the editor lays it out)'),
  y: coordinate.nullable().default(null),
  style: memberStyle.default({}),
});
export type MapMember = z.infer<typeof mapMember>;

export const annotation = z.strictObject({
  id,
  title: z.string().trim().min(1, 'must not be empty').max(200),
  text: z.string().max(5000).default(''),
  actorIds: z.array(id).max(500).default([]),
  relationshipIds: z.array(id).max(1000).default([]),
});
export type Annotation = z.infer<typeof annotation>;

export const mapFields = {
  name: z.string().trim().min(1, 'must not be empty').max(200),
  description: longText,
  defaultView: z.enum(mapViews),
  members: z.array(mapMember).max(20_000),
  annotations: z.array(annotation).max(200).describe('Ordered story steps'),
};
export const mapDefaults = {
  description: '',
  defaultView: 'network' as MapView,
  members: [] as MapMember[],
  annotations: [] as Annotation[],
};

export const mapData = z.strictObject(mapFields);
export type MapData = z.infer<typeof mapData>;

export const mapCreate = z
  .strictObject(mapFields)
  .partial()
  .required({ name: true })
  .extend({ id: id.optional() })
  .meta({ id: 'MapCreate' });
export type MapCreate = z.infer<typeof mapCreate>;
export const mapPatch = z.strictObject(mapFields).partial().extend({ version: version.optional() }).meta({ id: 'MapPatch' });

export const mapSummary = z
  .object({
    id,
    name: z.string(),
    description: z.string(),
    defaultView: z.enum(mapViews),
    memberCount: z.number().int(),
    version,
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'MapSummary' });
export type MapSummary = z.infer<typeof mapSummary>;

/** A map with what it takes to draw it: its actors and the relationships among them. */
export const mapDetail = z
  .object({
    id,
    ...mapFields,
    version,
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    actors: z.array(actor),
    relationships: z.array(relationship),
  })
  .meta({ id: 'MapDetail' });
export type MapDetail = z.infer<typeof mapDetail>;

export const addMembers = z
  .strictObject({
    actorIds: z.array(id).min(1).max(5000),
    positions: z.record(z.string(), z.object({ x: coordinate, y: coordinate })).optional(),
    withNeighbours: z.boolean().default(false).describe('Also add actors directly related to these'),
    version: version.optional(),
  })
  .meta({ id: 'AddMembers' });

export const removeMembers = z.strictObject({ actorIds: z.array(id).min(1).max(5000), version: version.optional() });

export const positionsUpdate = z
  .strictObject({
    positions: z
      .array(z.strictObject({ actorId: id, x: coordinate, y: coordinate }))
      .min(1)
      .max(20_000),
  })
  .meta({ id: 'PositionsUpdate', description: 'Layout only: last write wins per actor, no version needed.' });
