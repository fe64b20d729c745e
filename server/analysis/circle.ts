import type { Gateway } from '../db/gateway.js';
import type { RelationshipType } from '../domain/relationship.js';
import { notFound } from '../domain/errors.js';
import { analysisQuestionsRepo, type CircleTie } from '../repos/analysis-questions.js';
import { uniqueById } from './unique.js';
import { normaliseRelationship } from './scope.js';
import { verb } from './wording.js';

/**
 * Which ties give an actor power over a primary target, which way they must point, and how
 * much they weigh. "in": the tie points at the target (the donor gives to them); "out": it
 * leaves the target (the target holds a position at, or is a member of, the organisation that
 * can discipline them); "either": personal ties.
 */
export const circleRules: Partial<Record<RelationshipType, { way: 'in' | 'out' | 'either'; weight: number; why: string }>> = {
  FAMILY: { way: 'either', weight: 1.0, why: 'family' },
  INFLUENCE: { way: 'in', weight: 1.0, why: 'moves them' },
  POSITION: { way: 'either', weight: 0.9, why: 'position (employer, board or staff)' },
  DONATION: { way: 'in', weight: 0.9, why: 'funds them' },
  MEMBERSHIP: { way: 'out', weight: 0.7, why: 'an organisation they belong to' },
  LOBBYING: { way: 'in', weight: 0.7, why: 'lobbies them' },
  SOCIAL: { way: 'either', weight: 0.6, why: 'knows them' },
  PROFESSIONAL: { way: 'either', weight: 0.6, why: 'works with them' },
  TRANSACTION: { way: 'in', weight: 0.5, why: 'pays them' },
  GENERIC: { way: 'either', weight: 0.3, why: 'connected' },
};

export const CIRCLE_METHOD =
  'score = (Σ over ties to the primary targets of type weight × strength/5) × (0.5 + power/10; unassessed power counts as 0.6). Type weights: family 1.0, influence 1.0, position 0.9, donation 0.9, membership 0.7, lobbying 0.7, social 0.6, professional 0.6, transaction 0.5, generic 0.3. Donations, influence, lobbying and payments count when they point at the target; memberships when the target belongs; personal ties and positions either way.';

/** In Cypher: one hop around each target, filtered by the rules above inside the database. */
export async function targetCircle(db: Gateway, ws: string, demandId: string, limit: number) {
  const rules = Object.fromEntries(Object.entries(circleRules).map(([type, rule]) => [type, rule!.way]));
  const row = await db.read((tx) => analysisQuestionsRepo.circle(tx, ws, demandId, rules), 'analysis.circle');
  if (!row) throw notFound('That demand in this workspace');
  const targetNames = new Map(row.targets.map((t) => [t.id, t.name]));
  const byOther = new Map<string, CircleTie[]>();
  for (const tie of row.ties) byOther.set(tie.other, [...(byOther.get(tie.other) ?? []), tie]);
  const items = row.others.map((actor) => {
    const ties = byOther.get(actor.id) ?? [];
    const tieSum = ties.reduce((sum, t) => sum + circleRules[t.type]!.weight * ((t.strength ?? 3) / 5), 0);
    const powerFactor = actor.power === null || actor.power === undefined ? 0.6 : 0.5 + actor.power / 10;
    return {
      actorId: actor.id,
      score: Math.round(tieSum * powerFactor * 1000) / 1000,
      over: [...new Set(ties.map((t) => t.target))],
      relationshipIds: ties.map((t) => t.id),
      reasons: ties.map((t) => {
        const forward = t.from === actor.id;
        return `${actor.name} ${verb(t.type, forward)} ${targetNames.get(t.target)} (${circleRules[t.type]!.why}, strength ${t.strength ?? 3}/5)`;
      }),
      name: actor.name,
    };
  });
  items.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  const kept = items.slice(0, limit);
  const keptIds = new Set(kept.map((i) => i.actorId));
  return {
    demandId,
    primaryTargetIds: row.targets.map((t) => t.id),
    items: kept.map(({ name: _name, ...item }) => item),
    actors: [...row.targets, ...row.others.filter((o) => keptIds.has(o.id))],
    relationships: uniqueById(row.ties.filter((t) => keptIds.has(t.other)).map(normaliseRelationship)),
    method: CIRCLE_METHOD,
  };
}
