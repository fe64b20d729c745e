import { z } from 'zod';
import { analysisActor, drawable } from './analysis.js';
import { id, isoDate } from './common.js';

// ---- query parameters ----

export const ownershipQuery = z.object({
  target: id.describe('The company whose owners are asked for'),
  controlThreshold: z.coerce
    .number()
    .min(0, 'must be 0 to 100')
    .max(100, 'must be 0 to 100')
    .default(50)
    .describe('Percent of the votes above which a holder (with what it controls) controls a company'),
  k: z.coerce.number().int().min(1, 'must be 1 to 20').max(20, 'must be 1 to 20').default(5).describe('Chains listed per holder'),
  limit: z.coerce.number().int().min(1).max(1000, 'must be at most 1000').default(200).describe('Holders listed, largest first'),
});
export type OwnershipQuery = z.infer<typeof ownershipQuery>;

export const anomaliesQuery = z.object({
  staleMonths: z.coerce
    .number()
    .int()
    .min(1, 'must be 1 to 600')
    .max(600, 'must be 1 to 600')
    .default(24)
    .describe('A stake stated as of more than this many months ago is stale'),
});
export type AnomaliesQuery = z.infer<typeof anomaliesQuery>;

export const pensionQuery = z.object({ target: id.describe('The company the pension funds may be exposed to') });
export type PensionQuery = z.infer<typeof pensionQuery>;

// ---- answers ----

/** A share as percentages: an exact figure has min = max. */
export const shareRange = z.object({ min: z.number().min(0).max(100), max: z.number().min(0).max(100) }).meta({ id: 'ShareRange' });
export type ShareRange = z.infer<typeof shareRange>;

// derived: from a count of shares and the company's shares outstanding, not stated as a percent.
const statedKinds = ['exact', 'derived', 'range', 'floor', 'unknown'] as const;

export const chainStep = z.object({
  relationshipId: id,
  from: id,
  to: id,
  share: shareRange.describe('The direct stake, its floor or unstated size bounded by the other owners'),
  stated: z.enum(statedKinds),
  asOf: isoDate.nullable(),
  sourceIds: z.array(id),
  sentence: z.string(),
});

export const ownershipChain = z
  .object({ share: shareRange.describe('The product of the stakes along the chain'), steps: z.array(chainStep), sentence: z.string() })
  .meta({ id: 'OwnershipChain' });
export type OwnershipChain = z.infer<typeof ownershipChain>;

export const ownerItem = z.object({
  actorId: id,
  name: z.string(),
  share: shareRange.describe('Look-through share: the sum over ownership chains of the products of the stakes'),
  ultimate: z.boolean().describe('No recorded owner of its own'),
  controls: z.boolean().describe('With what it controls, holds more than the threshold of the votes, or controls outright'),
  chains: z.array(ownershipChain),
});
export type OwnerItem = z.infer<typeof ownerItem>;

export const declaredStake = z.object({
  relationshipId: id,
  holderId: id,
  declared: z.enum(['indirect', 'ultimate_parent']),
  stated: shareRange.nullable(),
  computed: shareRange.nullable().describe('null: the map holds no chain that derives it'),
  agrees: z.boolean().nullable(),
});

export const filedHistory = z.object({
  relationshipId: id,
  holderId: id,
  companyId: id,
  shares: z.number(),
  asOf: z.string(),
  latestAsOf: z.string().describe('The quarter of the same position that counts instead'),
});

export const ownershipAnswer = z
  .object({
    target: analysisActor,
    owners: z.array(ownerItem),
    ownerCount: z.number().int(),
    unrecorded: shareRange.describe('Owners not on the map'),
    declared: z.array(declaredStake).describe('Shortcuts sources declared: kept as facts, never propagated'),
    history: z.array(filedHistory).describe('Earlier quarters of filed holdings: listed, not counted'),
    controlThreshold: z.number(),
    cyclic: z.boolean(),
    complete: z.boolean().describe('Every owner is on the map and every chain was followed'),
    note: z.string(),
    ...drawable,
  })
  .meta({ id: 'OwnershipAnswer' });
export type OwnershipAnswer = z.infer<typeof ownershipAnswer>;

export const anomalyKinds = ['cycle', 'overfull', 'declared_mismatch', 'declared_underivable', 'duplicate_holder', 'stale'] as const;

export const ownershipAnomaly = z.object({
  kind: z.enum(anomalyKinds),
  sentence: z.string(),
  actorIds: z.array(id),
  relationshipIds: z.array(id),
});
export type OwnershipAnomaly = z.infer<typeof ownershipAnomaly>;

export const anomaliesAnswer = z
  .object({ anomalies: z.array(ownershipAnomaly), staleMonths: z.number().int(), complete: z.boolean(), note: z.string() })
  .meta({ id: 'OwnershipAnomalies' });
export type AnomaliesAnswer = z.infer<typeof anomaliesAnswer>;

export const trustee = z.object({
  actorId: id,
  name: z.string(),
  relationshipId: id,
  title: z.string().nullable(),
  ours: z.boolean().describe('In our base or an ally (role base or ally, or alignment +2 or more)'),
});

export const lpExposure = z.object({
  fundId: id,
  fundName: z.string(),
  relationshipId: id,
  commitment: z.number().nullable(),
  currency: z.string().nullable(),
  fundShare: shareRange.describe("The fund's look-through share of the target"),
  exposure: z.object({ min: z.number(), max: z.number() }).nullable().describe('commitment × the fund’s share, in currency'),
});

export const pensionFund = z.object({
  actorId: id,
  name: z.string(),
  share: shareRange
    .nullable()
    .describe('Its look-through share of the target, through every chain (limited-partner stakes where their size is stated)'),
  limitedPartner: z.array(lpExposure),
  trustees: z.array(trustee),
  ours: z.boolean().describe('A trustee is ours'),
});

export const pensionAnswer = z
  .object({ target: analysisActor, funds: z.array(pensionFund), complete: z.boolean(), note: z.string(), ...drawable })
  .meta({ id: 'PensionExposure' });
export type PensionAnswer = z.infer<typeof pensionAnswer>;

/** How a pension fund is recognised: an organization with one of these tags (any case). */
export const PENSION_TAGS = ['pension fund', 'pension-fund', 'pension_fund', 'pension'];
export const isPensionFund = (kind: string, tags: readonly string[]) =>
  kind === 'organization' && tags.some((t) => PENSION_TAGS.includes(t.trim().toLowerCase()));

// ---- wording, shared by answers and the client ----

const pctText = (p: number) => `${Number(p.toFixed(2))} %`;

const count = (n: number) => n.toLocaleString('en-US');

/**
 * A stake as its source stated it: "12 %", "25–50 %", "at least 5 %", "an unstated share",
 * or for a count of shares in a company whose shares outstanding are known,
 * "12.5 % (1,250,000 of 10,000,000 shares)".
 */
export function stakeWording(f: {
  percent: number | null;
  percentMin: number | null;
  percentMax: number | null;
  shares?: number | null;
  companyShares?: number | null;
}): string {
  if (f.percent !== null) return pctText(f.percent);
  if (f.percentMin === null && f.percentMax === null && f.shares != null && f.companyShares)
    return `${pctText(Math.min(100, (100 * f.shares) / f.companyShares))} (${count(f.shares)} of ${count(f.companyShares)} shares)`;
  if (f.percentMin !== null && f.percentMax !== null) return `${Number(f.percentMin.toFixed(2))}–${pctText(f.percentMax)}`;
  if (f.percentMin !== null) return `at least ${pctText(f.percentMin)}`;
  if (f.percentMax !== null) return `at most ${pctText(f.percentMax)}`;
  return 'an unstated share';
}

/** A share range for reading: "12 %" or "25–50 %". */
export function rangeWording(r: ShareRange): string {
  const lo = Number(r.min.toFixed(2));
  const hi = Number(r.max.toFixed(2));
  return lo === hi ? pctText(lo) : `${lo}–${pctText(hi)}`;
}
