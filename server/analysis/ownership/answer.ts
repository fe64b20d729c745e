import type { AnalysisActor, AnalysisRelationship } from '../../domain/analysis.js';
import {
  rangeWording,
  stakeWording,
  type OwnerItem,
  type OwnershipAnswer,
  type OwnershipChain,
  type OwnershipQuery,
  type ShareRange,
} from '../../domain/ownership.js';
import type { OwnershipActorRow, ParentRow, StakeRow } from '../../repos/ownership.js';
import { topChains, type Chain } from './chains.js';
import { controllers, controlTies } from './control.js';
import { numberField as F } from './field.js';
import { lookThrough, type LookThrough } from './lookthrough.js';
import { holdingsByCompany, latestFilings, percentOf, stated, type Bounds, type Edge, type Holdings } from './matrix.js';

/** What an ownership question needs: the target's upstream closure as read from the store. */
export interface OwnershipInput {
  target: OwnershipActorRow;
  stakes: StakeRow[];
  /** HIERARCHY ties above the target: each parent controls its child outright. */
  parents?: ParentRow[];
  actors: OwnershipActorRow[];
  /** The closure was cut at its size limit. */
  truncated: boolean;
  query: OwnershipQuery;
}

/** A share (0–1) as the percentages answers carry, without a solve's rounding noise. */
export const asPercent = (b: Bounds<number>): ShareRange => {
  const pct = (x: number) => Math.min(100, Math.max(0, Number((x * 100).toFixed(8))));
  return { min: pct(b.min), max: pct(b.max) };
};

export const drawnActor = (a: OwnershipActorRow): AnalysisActor => ({
  id: a.id,
  name: a.name,
  kind: a.kind,
  roles: a.roles as AnalysisActor['roles'],
  power: a.power,
  alignment: a.alignment,
});

export interface Computed {
  holdings: Map<string, Holdings<number>>;
  look: LookThrough<number>;
  names: Map<string, string>;
}

export function compute(input: Pick<OwnershipInput, 'target' | 'stakes' | 'actors'>): Computed {
  const holdings = holdingsByCompany(F, input.stakes);
  const look = lookThrough(F, holdings, input.target.id);
  const names = new Map([...input.actors, input.target].map((a) => [a.id, a.name]));
  return { holdings, look, names };
}

/** "Bluefin Capital owns at least 5 % of Acme Holdings (as of 2024-03-31)". */
export function stepSentence(e: Edge<number>, names: Map<string, string>): string {
  const f = e.fact;
  return `${names.get(f.from) ?? f.from} owns ${stakeWording(f)} of ${names.get(f.to) ?? f.to}${f.asOf ? ` (as of ${f.asOf})` : ''}`;
}

function chainItem(c: Chain<number>, names: Map<string, string>, targetName: string): OwnershipChain {
  const share = asPercent(c.share);
  const steps = c.edges.map((e) => ({
    relationshipId: e.fact.id,
    from: e.fact.from,
    to: e.fact.to,
    share: asPercent(e),
    stated: e.stated,
    asOf: e.fact.asOf,
    sourceIds: e.fact.sourceIds,
    sentence: stepSentence(e, names),
  }));
  const passes = steps.length > 1 ? `: ${rangeWording(share)} of ${targetName} through this chain` : '';
  return { share, steps, sentence: `${steps.map((s) => s.sentence).join('; ')}${passes}.` };
}

const NEGLIGIBLE = 1e-9;

/**
 * The answer to "who ultimately owns the target, and how much": every holder in its
 * upstream closure with its look-through share, whether it is an ultimate owner and whether
 * it controls the target, each with its strongest chains explained step by step.
 */
export function ownershipAnswer(input: OwnershipInput): OwnershipAnswer {
  const { target, query: q } = input;
  const { holdings, look, names } = compute(input);
  const parents = input.parents ?? [];
  const ties = [...controlTies(F, input.stakes), ...parents.map((p) => ({ holder: p.from, company: p.to, votes: F.zero, outright: true }))];
  // Everyone above the target may control it, owners on the map or not, parents too.
  const closure = [...new Set([...look.nodes, ...input.stakes.map((s) => s.from), ...parents.map((p) => p.from)])];
  const control = controllers(F, ties, closure, target.id, q.controlThreshold / 100);
  const ranked = [...look.shares.entries()].sort(
    ([a, x], [b, y]) => y.max - x.max || y.min - x.min || (names.get(a) ?? '').localeCompare(names.get(b) ?? '') || (a < b ? -1 : 1),
  );
  // Controllers come along whatever their economic share.
  const listed = ranked.filter(([h], i) => i < q.limit || control.has(h));
  // A parent that holds no recorded stake still controls: it is listed with no share.
  for (const h of [...control].sort()) if (!look.shares.has(h)) listed.push([h, { min: 0, max: 0 }]);
  const chains = topChains(F, holdings, target.id, q.k);
  const owners: OwnerItem[] = listed.map(([actorId, share]) => ({
    actorId,
    name: names.get(actorId) ?? actorId,
    share: asPercent(share),
    ultimate: look.ultimate.has(actorId),
    controls: control.has(actorId),
    chains: (chains.byHolder.get(actorId) ?? []).map((c) => chainItem(c, names, target.name)),
  }));

  const declared = input.stakes
    .filter((s) => s.to === target.id && s.declared !== 'direct')
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((s) => {
      const kind = stated(s);
      const statedRange = kind === 'unknown' ? null : { min: percentOf(s) ?? s.percentMin ?? 0, max: percentOf(s) ?? s.percentMax ?? 100 };
      const computed = look.shares.get(s.from);
      const computedRange = computed ? asPercent(computed) : null;
      const agrees =
        !computedRange || !statedRange
          ? computedRange
            ? true
            : null
          : statedRange.min <= computedRange.max + 1e-6 && computedRange.min <= statedRange.max + 1e-6;
      return {
        relationshipId: s.id,
        holderId: s.from,
        declared: s.declared as 'indirect' | 'ultimate_parent',
        stated: statedRange,
        computed: computedRange,
        agrees,
      };
    });

  const { current, history: earlier } = latestFilings(input.stakes);
  const latest = new Map(
    current.filter((s) => s.shares !== null && s.asOf).map((s) => [`${s.from}\u0000${s.to}\u0000${s.basis}`, s.asOf!]),
  );
  const history = earlier
    .sort((a, b) => (a.asOf! > b.asOf! ? -1 : a.asOf! < b.asOf! ? 1 : a.id < b.id ? -1 : 1))
    .map((s) => ({
      relationshipId: s.id,
      holderId: s.from,
      companyId: s.to,
      shares: s.shares!,
      asOf: s.asOf!,
      latestAsOf: latest.get(`${s.from}\u0000${s.to}\u0000${s.basis}`) ?? s.asOf!,
    }));

  const unrecorded = asPercent(look.unrecorded);
  const everyOwner = look.unrecorded.max <= NEGLIGIBLE;
  const complete = everyOwner && chains.complete && !input.truncated;
  const notes: string[] = [];
  if (look.shares.size === 0) notes.push(`No owner of ${target.name} is on the map.`);
  else if (!everyOwner) notes.push(`Owners not on the map hold ${rangeWording(unrecorded)} of ${target.name}.`);
  if (look.cyclic) notes.push('Holdings run in a circle; a company’s stake in itself is spread over its other owners.');
  if (look.bounded)
    notes.push('Some holders sit in a web of more companies holding each other than can be solved exactly: their shares are bounds.');
  if (!chains.complete) notes.push('Not every chain was followed (too many); the shares count them all.');
  if (input.truncated) notes.push('The ownership above this company is too large to read whole; figures cover what was read.');

  const shown = new Set<string>([target.id, ...owners.map((o) => o.actorId)]);
  const rels = new Map<string, AnalysisRelationship>();
  const strength = new Map(input.stakes.map((s) => [s.id, s.strength]));
  for (const o of owners)
    for (const c of o.chains)
      for (const s of c.steps) {
        shown.add(s.from);
        rels.set(s.relationshipId, {
          id: s.relationshipId,
          type: 'OWNERSHIP',
          from: s.from,
          to: s.to,
          strength: strength.get(s.relationshipId) ?? 3,
          mutual: false,
        });
      }
  for (const p of parents)
    if (control.has(p.from) && (p.to === target.id || control.has(p.to))) {
      shown.add(p.from);
      shown.add(p.to);
      rels.set(p.id, { id: p.id, type: 'HIERARCHY', from: p.from, to: p.to, strength: 3, mutual: false });
    }
  const byId = new Map([...input.actors, target].map((a) => [a.id, a]));
  return {
    target: drawnActor(target),
    owners,
    ownerCount: look.shares.size,
    unrecorded,
    declared,
    history,
    controlThreshold: q.controlThreshold,
    cyclic: look.cyclic,
    complete,
    note: notes.join(' '),
    actors: [...shown].flatMap((id) => (byId.has(id) ? [drawnActor(byId.get(id)!)] : [])),
    relationships: [...rels.values()],
  };
}
