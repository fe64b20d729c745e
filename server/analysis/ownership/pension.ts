import { isPensionFund, PENSION_TAGS, type PensionAnswer } from '../../domain/ownership.js';
import type { OwnershipActorRow, StakeRow, TrusteeRow } from '../../repos/ownership.js';
import { asPercent, compute, drawnActor } from './answer.js';

/** Ours: in our base or an ally, by role, or assessed as strongly with us. */
const isOurs = (a: OwnershipActorRow) => a.roles.includes('base') || a.roles.includes('ally') || (a.alignment ?? 0) >= 2;

export const PENSION_RULE = `A pension fund is an organization tagged ${PENSION_TAGS.map((t) => `"${t}"`).join(', ')} (any case); its trustees are people with a board seat (POSITION, board) or a trustee title; a trustee is ours when in our base or an ally, or assessed at alignment +2 or more.`;

export interface PensionInput {
  target: OwnershipActorRow;
  stakes: StakeRow[];
  actors: OwnershipActorRow[];
  truncated: boolean;
}

/** The pension funds in a target's upstream closure: their share, their limited-partner exposure, their trustees. */
export function pensionFunds(input: PensionInput, trustees: TrusteeRow[]): PensionAnswer {
  const { look } = compute(input);
  const byId = new Map([...input.actors, input.target].map((a) => [a.id, a]));
  const funds = [...look.shares.keys()]
    .map((id) => byId.get(id))
    .filter((a): a is OwnershipActorRow => !!a && isPensionFund(a.kind, a.tags));
  const items = funds.map((fund) => {
    const limitedPartner = input.stakes
      .filter((s) => s.from === fund.id && s.basis === 'lp_commitment' && s.declared === 'direct')
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .flatMap((s) => {
        const fundShare = s.to === input.target.id ? { min: 1, max: 1 } : look.shares.get(s.to);
        if (!fundShare) return [];
        const share = asPercent(fundShare);
        return [
          {
            fundId: s.to,
            fundName: byId.get(s.to)?.name ?? s.to,
            relationshipId: s.id,
            commitment: s.commitment,
            currency: s.currency,
            fundShare: share,
            exposure: s.commitment === null ? null : { min: (s.commitment * share.min) / 100, max: (s.commitment * share.max) / 100 },
          },
        ];
      });
    const mine = trustees
      .filter((t) => t.fundId === fund.id)
      .map((t) => ({
        actorId: t.person.id,
        name: t.person.name,
        relationshipId: t.relationshipId,
        title: t.title,
        ours: isOurs(t.person),
      }));
    return {
      actorId: fund.id,
      name: fund.name,
      share: asPercent(look.shares.get(fund.id)!),
      limitedPartner,
      trustees: mine,
      ours: mine.some((t) => t.ours),
    };
  });
  // Ours first, then by what is at stake.
  items.sort((a, b) => Number(b.ours) - Number(a.ours) || (b.share?.max ?? 0) - (a.share?.max ?? 0) || a.name.localeCompare(b.name));
  const people = new Map(trustees.map((t) => [t.person.id, t.person]));
  return {
    target: drawnActor(input.target),
    funds: items,
    complete: !input.truncated,
    note: `${items.length === 0 ? 'No pension fund holds this company on the map. ' : ''}${PENSION_RULE}`,
    actors: [input.target, ...funds, ...people.values()].map(drawnActor),
    relationships: [],
  };
}
