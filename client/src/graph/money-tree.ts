import type { OwnershipAnswer, PensionAnswer } from '../api/domain';

type Owner = OwnershipAnswer['owners'][number];
type Fund = PensionAnswer['funds'][number];

/** One target's leverage up the money tree, as the campaign brief lists it. */
export interface TargetMoney {
  targetId: string;
  targetName: string;
  /** Who can say yes for the company: controllers first, then ultimate owners, largest share first. */
  controllers: Owner[];
  ultimateOwners: Owner[];
  /** Every holder of 1 % or more (at the top of its range), largest first. */
  holders: Owner[];
  /** Pension funds exposed to the target, those with one of our trustees first. */
  funds: Fund[];
  /** The owners' share nobody on the map accounts for. */
  unrecorded: OwnershipAnswer['unrecorded'] | null;
  complete: boolean;
}

export interface MoneyTree {
  targets: TargetMoney[];
  /** Owners or funds that hold more than one of the demand's targets: one pressure point, several targets. */
  shared: { actorId: string; name: string; targetNames: string[] }[];
}

const byShare = (a: Owner, b: Owner) => b.share.max - a.share.max || b.share.min - a.share.min || a.name.localeCompare(b.name);

/**
 * The demand's targets' owners, controllers and exposed pension funds in one view, from the
 * ownership and pension answers of each target (a target with no recorded owners has none).
 */
export function moneyTree(targets: { id: string; name: string; ownership?: OwnershipAnswer; pension?: PensionAnswer }[]): MoneyTree {
  const rows: TargetMoney[] = targets.map((t) => {
    const owners = [...(t.ownership?.owners ?? [])].sort(byShare);
    return {
      targetId: t.id,
      targetName: t.name,
      controllers: owners.filter((o) => o.controls),
      ultimateOwners: owners.filter((o) => o.ultimate && !o.controls),
      holders: owners.filter((o) => o.share.max >= 1),
      funds: [...(t.pension?.funds ?? [])].sort((a, b) => Number(b.ours) - Number(a.ours) || (b.share?.max ?? 0) - (a.share?.max ?? 0)),
      unrecorded: t.ownership?.unrecorded ?? null,
      complete: (t.ownership?.complete ?? true) && (t.pension?.complete ?? true),
    };
  });
  const holds = new Map<string, { name: string; targets: Set<string> }>();
  const note = (actorId: string, name: string, target: string) => {
    const entry = holds.get(actorId) ?? { name, targets: new Set<string>() };
    entry.targets.add(target);
    holds.set(actorId, entry);
  };
  for (const row of rows) {
    for (const o of row.holders) note(o.actorId, o.name, row.targetName);
    for (const f of row.funds) note(f.actorId, f.name, row.targetName);
  }
  const shared = [...holds.entries()]
    .filter(([, e]) => e.targets.size > 1)
    .map(([actorId, e]) => ({ actorId, name: e.name, targetNames: [...e.targets].sort() }))
    .sort((a, b) => b.targetNames.length - a.targetNames.length || a.name.localeCompare(b.name));
  return { targets: rows, shared };
}

/** Whether there is anything up the money tree worth a section. */
export const hasMoney = (tree: MoneyTree) => tree.targets.some((t) => t.holders.length || t.controllers.length || t.funds.length);
