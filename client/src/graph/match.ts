import type { Actor } from '../api/domain';

/** A name reduced to what identifies it: case, accents, punctuation and legal suffixes dropped. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\b(inc|llc|ltd|corp|corporation|co|plc|the)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Known actors a typed name may already be: same key, one key containing the other, or
 * every typed word starting a word of the name or an alias. Best matches first.
 */
export function likelyDuplicates(typed: string, actors: Pick<Actor, 'id' | 'name' | 'aliases'>[], limit = 6) {
  const key = nameKey(typed);
  if (key.length < 2) return [];
  const words = key.split(' ');
  const scored: { actor: (typeof actors)[number]; score: number }[] = [];
  for (const actor of actors) {
    let best = 0;
    for (const n of [actor.name, ...actor.aliases]) {
      const k = nameKey(n);
      if (!k) continue;
      let s = 0;
      if (k === key) s = 3;
      else if (k.includes(key) || key.includes(k)) s = 2;
      else {
        const theirs = k.split(' ');
        if (words.every((w) => theirs.some((t) => t.startsWith(w)))) s = 1;
      }
      best = Math.max(best, s);
    }
    if (best > 0) scored.push({ actor, score: best });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.actor.name.localeCompare(b.actor.name))
    .slice(0, limit)
    .map((s) => s.actor);
}
