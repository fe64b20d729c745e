import { z } from 'zod';
import type { ActorKind } from './actor.js';
import { id, isoDate, isoDateTime, longText, shortText, version } from './common.js';

export const relationshipTypes = [
  'POSITION',
  'MEMBERSHIP',
  'OWNERSHIP',
  'DONATION',
  'TRANSACTION',
  'LOBBYING',
  'FAMILY',
  'SOCIAL',
  'PROFESSIONAL',
  'HIERARCHY',
  'INFLUENCE',
  'ALLIANCE',
  'OPPOSITION',
  'GENERIC',
] as const;
export type RelationshipType = (typeof relationshipTypes)[number];

type End = ActorKind | 'any';
export interface TypeRule {
  from: End;
  to: End;
  /** always: a two-way tie by nature; never: always directed; optional: either. */
  mutual: 'always' | 'never' | 'optional';
  label: string;
}

/** Which actors each type may join, and whether it has a direction (DESIGN.md's table). */
export const relationshipRules: Record<RelationshipType, TypeRule> = {
  POSITION: { from: 'person', to: 'any', mutual: 'never', label: 'holds a position at' },
  MEMBERSHIP: { from: 'any', to: 'organization', mutual: 'never', label: 'is a member of' },
  OWNERSHIP: { from: 'any', to: 'organization', mutual: 'never', label: 'owns' },
  DONATION: { from: 'any', to: 'any', mutual: 'never', label: 'donates to' },
  TRANSACTION: { from: 'any', to: 'any', mutual: 'never', label: 'does business with' },
  LOBBYING: { from: 'any', to: 'any', mutual: 'never', label: 'lobbies' },
  FAMILY: { from: 'person', to: 'person', mutual: 'always', label: 'is family of' },
  SOCIAL: { from: 'person', to: 'person', mutual: 'always', label: 'knows' },
  PROFESSIONAL: { from: 'person', to: 'person', mutual: 'always', label: 'works with' },
  HIERARCHY: { from: 'organization', to: 'organization', mutual: 'never', label: 'is the parent of' },
  INFLUENCE: { from: 'any', to: 'any', mutual: 'never', label: 'influences' },
  ALLIANCE: { from: 'organization', to: 'organization', mutual: 'always', label: 'is allied with' },
  OPPOSITION: { from: 'any', to: 'any', mutual: 'always', label: 'opposes' },
  GENERIC: { from: 'any', to: 'any', mutual: 'optional', label: 'is connected to' },
};

const money = z.number().nonnegative().max(1e15);
const pct = z.number().min(0).max(100);
export const ownershipBases = ['equity', 'voting', 'lp_commitment', 'consolidation'] as const;
export const ownershipDeclarations = ['direct', 'indirect', 'ultimate_parent'] as const;
const currency = z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter currency code such as USD');

/** Fields every relationship has, whatever its type. */
export const relationshipCommon = {
  from: id,
  to: id,
  mutual: z.boolean(),
  strength: z.number().int().min(1).max(5).describe('1 weak … 5 strong'),
  startDate: isoDate.nullable(),
  endDate: isoDate.nullable(),
  current: z.boolean().nullable().describe('Still true today (null: unknown)'),
  description: longText,
  privateNotes: longText.describe('What the workspace keeps to itself about this tie (internal: never leaves the workspace)'),
  sourceIds: z.array(id).max(100),
};

/** The fields particular to each type. */
export const relationshipTypeFields = {
  POSITION: {
    title: shortText.nullable(),
    board: z.boolean(),
    executive: z.boolean(),
    compensation: money.nullable(),
  },
  MEMBERSHIP: { role: shortText.nullable() },
  OWNERSHIP: {
    percent: pct.nullable().describe('The stake as an exact figure, when the source gives one'),
    percentMin: pct
      .nullable()
      .describe('Lower end of a stated range (25 of the UK PSC band 25–50 %), or a floor ("at least 5 %") when percentMax is null'),
    percentMax: pct.nullable().describe('Upper end of a stated range'),
    shares: z.number().nonnegative().nullable(),
    value: money.nullable().describe('Market value of the holding as filed (13F: dollars)'),
    currency: currency.nullable(),
    basis: z.enum(ownershipBases).describe('What the stake is a share of'),
    commitment: money.nullable().describe('A limited partner’s commitment to the fund, in currency'),
    generalPartner: z.boolean().describe('The owner is the general partner: it controls the fund whatever its economic share'),
    declared: z
      .enum(ownershipDeclarations)
      .describe(
        'direct: a stake the owner holds itself; indirect or ultimate_parent: a shortcut a source declared, kept as a fact but never propagated',
      ),
    asOf: isoDate.nullable().describe('The date the source states the stake for'),
  },
  DONATION: { amount: money.nullable(), currency: currency.nullable(), date: isoDate.nullable(), filing: shortText.nullable() },
  TRANSACTION: {
    amount: money.nullable(),
    currency: currency.nullable(),
    goods: shortText.nullable().describe('Goods or services'),
    contract: shortText.nullable(),
  },
  LOBBYING: { issue: shortText.nullable(), amount: money.nullable() },
  FAMILY: { relation: shortText.nullable() },
  SOCIAL: { relation: shortText.nullable() },
  PROFESSIONAL: { relation: shortText.nullable() },
  HIERARCHY: { relation: z.enum(['subsidiary', 'division', 'affiliate']).nullable().describe('What the target is to the source') },
  INFLUENCE: { how: shortText.nullable().describe('How the source moves the target') },
  ALLIANCE: { coalition: shortText.nullable(), sharedGoals: z.array(shortText).max(20) },
  OPPOSITION: { issue: shortText.nullable() },
  GENERIC: { label: shortText.nullable() },
} satisfies Record<RelationshipType, z.ZodRawShape>;

type Fields = typeof relationshipTypeFields;

/** Defaults filled in on create, so stored records always have every field. */
export const relationshipDefaults = {
  common: { strength: 3, startDate: null, endDate: null, current: null, description: '', privateNotes: '', sourceIds: [] as string[] },
  POSITION: { title: null, board: false, executive: false, compensation: null },
  MEMBERSHIP: { role: null },
  OWNERSHIP: {
    percent: null,
    percentMin: null,
    percentMax: null,
    shares: null,
    value: null,
    currency: null,
    basis: 'equity' as (typeof ownershipBases)[number],
    commitment: null,
    generalPartner: false,
    declared: 'direct' as (typeof ownershipDeclarations)[number],
    asOf: null,
  },
  DONATION: { amount: null, currency: null, date: null, filing: null },
  TRANSACTION: { amount: null, currency: null, goods: null, contract: null },
  LOBBYING: { issue: null, amount: null },
  FAMILY: { relation: null },
  SOCIAL: { relation: null },
  PROFESSIONAL: { relation: null },
  HIERARCHY: { relation: null },
  INFLUENCE: { how: null },
  ALLIANCE: { coalition: null, sharedGoals: [] as string[] },
  OPPOSITION: { issue: null },
  GENERIC: { label: null },
} satisfies { common: Record<string, unknown> } & Record<RelationshipType, Record<string, unknown>>;

function variant<T extends RelationshipType>(type: T) {
  return z.strictObject({ type: z.literal(type), ...relationshipCommon, ...(relationshipTypeFields[type] as Fields[T]) });
}

/** A complete relationship record, discriminated by type. */
export const relationshipData = z.discriminatedUnion('type', [
  variant('POSITION'),
  variant('MEMBERSHIP'),
  variant('OWNERSHIP'),
  variant('DONATION'),
  variant('TRANSACTION'),
  variant('LOBBYING'),
  variant('FAMILY'),
  variant('SOCIAL'),
  variant('PROFESSIONAL'),
  variant('HIERARCHY'),
  variant('INFLUENCE'),
  variant('ALLIANCE'),
  variant('OPPOSITION'),
  variant('GENERIC'),
]);
export type RelationshipData = z.infer<typeof relationshipData>;

function createVariant<T extends RelationshipType>(type: T) {
  return variant(type)
    .partial()
    .required({ type: true, from: true, to: true })
    .extend({ id: id.optional().describe('Optional client-chosen id (for undo and imports)') });
}

export const relationshipCreate = z
  .discriminatedUnion('type', [
    createVariant('POSITION'),
    createVariant('MEMBERSHIP'),
    createVariant('OWNERSHIP'),
    createVariant('DONATION'),
    createVariant('TRANSACTION'),
    createVariant('LOBBYING'),
    createVariant('FAMILY'),
    createVariant('SOCIAL'),
    createVariant('PROFESSIONAL'),
    createVariant('HIERARCHY'),
    createVariant('INFLUENCE'),
    createVariant('ALLIANCE'),
    createVariant('OPPOSITION'),
    createVariant('GENERIC'),
  ])
  .meta({ id: 'RelationshipCreate' });
export type RelationshipCreate = z.infer<typeof relationshipCreate>;

/**
 * A patch names the fields to change; the server merges it over the stored record and
 * validates the result as a whole, so type-specific fields are checked against the stored
 * type. The type and the ends cannot change (delete and create instead).
 */
export const relationshipPatch = z
  .object({
    ...Object.fromEntries(Object.entries(relationshipCommon).map(([k, v]) => [k, v.optional()])),
    version: version.optional(),
  })
  .catchall(z.unknown())
  .meta({ id: 'RelationshipPatch', description: 'Fields to change (common or of the stored type); carry `version` (or If-Match).' });
export type RelationshipPatch = Record<string, unknown> & { version?: number };

export const relationshipMeta = z.object({ id, version, createdAt: isoDateTime, updatedAt: isoDateTime });

export const relationship = z.intersection(relationshipData, relationshipMeta).meta({ id: 'Relationship' });
export type Relationship = RelationshipData & z.infer<typeof relationshipMeta>;

export const relationshipListQuery = z.object({
  type: z.enum(relationshipTypes).optional(),
  actor: id.optional().describe('Only relationships with this actor at either end'),
  uncited: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('Only relationships that cite no source'),
});

/** Checks the ends' kinds against the type's rule; returns a sentence when they break it. */
export function endsProblem(type: RelationshipType, fromKind: ActorKind, toKind: ActorKind): string | null {
  const rule = relationshipRules[type];
  if (rule.from !== 'any' && rule.from !== fromKind) {
    return `A ${type} relationship must start at ${article(rule.from)}, but the "from" actor is ${article(fromKind)}.`;
  }
  if (rule.to !== 'any' && rule.to !== toKind) {
    return `A ${type} relationship must end at ${article(rule.to)}, but the "to" actor is ${article(toKind)}.`;
  }
  return null;
}

const article = (kind: ActorKind) => (kind === 'organization' ? 'an organization' : 'a person');
