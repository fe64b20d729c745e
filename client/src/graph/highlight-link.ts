import type { Highlight } from '../editor/store';

const MAX_IDS = 100;

/** A map address's query that opens the map with these actors and ties highlighted. */
export function highlightQuery(h: Highlight): string {
  const q = new URLSearchParams();
  q.set('hl', h.label);
  q.set('hlActors', h.actors.slice(0, MAX_IDS).join(','));
  q.set('hlTies', h.relationships.slice(0, MAX_IDS).join(','));
  return `?${q.toString()}`;
}

/** The highlight a map address asks for, or null. */
export function highlightFrom(search: string): Highlight | null {
  const q = new URLSearchParams(search);
  const label = q.get('hl');
  if (label === null) return null;
  const ids = (key: string) =>
    (q.get(key) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .slice(0, MAX_IDS);
  return { label: label.slice(0, 200), actors: ids('hlActors'), relationships: ids('hlTies') };
}
