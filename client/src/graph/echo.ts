import type { Change } from '../api/domain';
import type { GraphDoc } from './doc';

const versionOf = (record: Record<string, unknown> | null) => (record && typeof record.version === 'number' ? record.version : null);

/**
 * True when the document already shows everything a change did to this map, so refetching the
 * map would only write the same picture again: the echo of this client's own save, whose
 * versions it took from the server's answer. Anything it cannot tell (a change listed without
 * its diffs, a tie it has not seen between actors on the map) counts as news.
 */
export function reflects(doc: GraphDoc, change: Change): boolean {
  if (change.diffs.length < change.diffCount) return false;
  return change.diffs.every((d) => {
    const after = versionOf(d.after);
    switch (d.entityType) {
      case 'actor': {
        const mine = doc.actors[d.entityId];
        if (!d.after) return !mine;
        // An actor not on this map matters only if the change put it here (its map diff says so).
        return !mine || (after !== null && mine.version >= after);
      }
      case 'relationship': {
        const mine = doc.relationships[d.entityId];
        if (!d.after) return !mine;
        if (mine) return after !== null && mine.version >= after;
        const { from, to } = d.after as { from?: unknown; to?: unknown };
        return !(typeof from === 'string' && typeof to === 'string' && doc.members[from] && doc.members[to]);
      }
      case 'map':
        if (d.entityId !== doc.mapId) return true;
        return after !== null && doc.mapVersion >= after;
      default:
        // Sources, demands, readings: not part of the map's document.
        return true;
    }
  });
}
