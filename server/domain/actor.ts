import { z } from 'zod';
import { id, isoDateTime, longText, shortText, version } from './common.js';
import { readingFields } from './reading.js';

export const actorKinds = ['person', 'organization'] as const;
export type ActorKind = (typeof actorKinds)[number];

export const sectors = [
  'government',
  'corporate',
  'finance',
  'labor',
  'community',
  'media',
  'philanthropy',
  'education',
  'faith',
  'political',
  'other',
] as const;
export type Sector = (typeof sectors)[number];

/** The organiser's roles; an actor may hold several. */
export const actorRoles = ['decision_maker', 'influencer', 'bad_actor', 'ally', 'opponent', 'base'] as const;
export type ActorRole = (typeof actorRoles)[number];

export const POWER_MIN = 0;
export const POWER_MAX = 5;
export const ALIGNMENT_MIN = -3;
export const ALIGNMENT_MAX = 3;

export const power = z.number().int().min(POWER_MIN).max(POWER_MAX);
export const alignment = z.number().int().min(ALIGNMENT_MIN).max(ALIGNMENT_MAX);

const tag = z.string().trim().min(1, 'must not be empty').max(60);
const unique = <T>(items: T[]) => new Set(items).size === items.length;

/** Every editable field of an actor, with its rule; no defaults here (see actorDefaults). */
export const actorFields = {
  kind: z.enum(actorKinds),
  name: z.string().trim().min(1, 'must not be empty').max(200),
  aliases: z.array(z.string().trim().min(1).max(200)).max(50),
  description: longText,
  sector: z.enum(sectors).nullable(),
  tags: z.array(tag).max(50).refine(unique, 'must not repeat a tag'),
  roles: z.array(z.enum(actorRoles)).max(actorRoles.length).refine(unique, 'must not repeat a role'),
  power: power.nullable(),
  alignment: alignment.nullable(),
  interests: z.array(z.string().trim().min(1).max(500)).max(50),
  powerSources: z.array(z.string().trim().min(1).max(500)).max(50),
  sourceIds: z.array(id).max(100).refine(unique, 'must not repeat a source').describe('Sources (of this workspace) that back these fields'),
  contactOwner: shortText.nullable().describe('Who among us holds the relationship (internal: never leaves the workspace)'),
  privateNotes: longText.describe('What the workspace keeps to itself about this actor (internal: never leaves the workspace)'),
  externalIds: z.record(
    z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'keys are lower-case names such as wikidata or fec'),
    z.string().min(1).max(200),
  ),
  links: z.array(z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' })).max(50),
  image: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).nullable(),
  organized: z.boolean().describe('An organised group (drawn as a rectangle on the map)'),
  sharesOutstanding: z
    .number()
    .positive('must be more than 0')
    .max(1e15)
    .nullable()
    .describe("A company's shares outstanding: a holding stated in shares then yields a derived percent"),
};

export const actorDefaults = {
  aliases: [] as string[],
  description: '',
  sector: null,
  tags: [] as string[],
  roles: [] as ActorRole[],
  power: null,
  alignment: null,
  interests: [] as string[],
  powerSources: [] as string[],
  sourceIds: [] as string[],
  contactOwner: null,
  privateNotes: '',
  externalIds: {} as Record<string, string>,
  links: [] as string[],
  image: null,
  organized: false,
  sharesOutstanding: null,
};

/** A complete, valid actor record (what the store holds, minus bookkeeping). */
export const actorData = z.strictObject(actorFields);
export type ActorData = z.infer<typeof actorData>;

export const actorCreate = z
  .strictObject(actorFields)
  .partial()
  .required({ kind: true, name: true })
  .extend({ id: id.optional().describe('Optional client-chosen id (for undo and imports)'), ...readingFields })
  .meta({ id: 'ActorCreate' });
export type ActorCreate = z.infer<typeof actorCreate>;

export const actorPatch = z
  .strictObject(actorFields)
  .partial()
  .extend({ version: version.optional(), ...readingFields })
  .meta({ id: 'ActorPatch', description: 'Fields to change; carry `version` (or If-Match).' });
export type ActorPatch = z.infer<typeof actorPatch>;

export const actor = z
  .object({
    id,
    ...actorFields,
    version,
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Actor' });
export type Actor = z.infer<typeof actor>;

export const actorListQuery = z.object({
  kind: z.enum(actorKinds).optional(),
  role: z.enum(actorRoles).optional(),
  sector: z.enum(sectors).optional(),
  tag: z.string().max(60).optional(),
});
export type ActorListQuery = z.infer<typeof actorListQuery>;
