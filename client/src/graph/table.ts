import type { Actor } from '../api/domain';
import { roleLabels } from './visual';

export type SortKey = 'name' | 'kind' | 'sector' | 'power' | 'alignment' | 'roles' | 'tags';
export interface Sort {
  key: SortKey;
  direction: 'asc' | 'desc';
}

function value(actor: Actor, key: SortKey): string | number | null {
  switch (key) {
    case 'name':
      return actor.name.toLowerCase();
    case 'kind':
      return actor.kind;
    case 'sector':
      return actor.sector;
    case 'power':
      return actor.power;
    case 'alignment':
      return actor.alignment;
    case 'roles':
      return actor.roles
        .map((r) => roleLabels[r])
        .sort()
        .join(', ')
        .toLowerCase();
    case 'tags':
      return actor.tags.join(', ').toLowerCase();
  }
}

/** Sorted copy; empty values always last, whichever the direction. */
export function sortActors(actors: Actor[], sort: Sort): Actor[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...actors].sort((a, b) => {
    const va = value(a, sort.key);
    const vb = value(b, sort.key);
    if (va === vb) return a.name.localeCompare(b.name);
    if (va === null || va === '') return 1;
    if (vb === null || vb === '') return -1;
    return (va < vb ? -1 : 1) * sign;
  });
}

/** Every word of the filter must appear in the name, aliases, sector, roles or tags. */
export function filterActors(actors: Actor[], filter: string): Actor[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return actors;
  return actors.filter((a) => {
    const hay = [a.name, ...a.aliases, a.sector ?? '', ...a.roles.map((r) => roleLabels[r]), ...a.tags, a.kind].join(' ').toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}
