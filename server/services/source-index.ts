import type { Tx } from '../db/gateway.js';
import { CITED_BY_SHOWN, type SourceIndex, type UncitedItem } from '../domain/source-index.js';

/** Where a page starts: sources after (createdAt, id); uncited work after (list, name key, id). */
export interface SourceIndexPosition {
  after: [string, string] | null;
  limit: number;
  uncitedAt: UncitedPosition | null;
  uncitedLimit: number;
}
export type UncitedPosition = ['actor' | 'relationship', string, string];

/** The index with its next positions (the route turns them into cursors). */
export type SourceIndexPage = Omit<SourceIndex, 'nextCursor' | 'uncited'> & {
  next: [string, string] | null;
  uncited: Omit<SourceIndex['uncited'], 'nextCursor'> & { next: UncitedPosition | null };
};
import {
  actorsCiting,
  citationTotals,
  readingsCiting,
  tiesCiting,
  uncitedActors,
  uncitedTies,
  type Citations,
} from '../repos/source-index.js';
import { listSources } from '../repos/sources.js';

const byId = <T>(rows: Citations<T>[]) => new Map(rows.map((r) => [r.sourceId, r]));

/**
 * A page of sources with what cites each (actors, relationships, readings; the first few of
 * each and whole counts), and a page of the work that cites nothing: uncited actors by name,
 * then uncited relationships. The two pages move on independently.
 */
export async function loadSourceIndex(tx: Tx, ws: string, query: SourceIndexPosition): Promise<SourceIndexPage> {
  const after = query.after;
  const rows = await listSources(tx, ws, undefined, { after, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const ids = page.map((s) => s.id);
  const [actors, ties, readings] = ids.length
    ? [
        byId(await actorsCiting(tx, ws, ids, CITED_BY_SHOWN)),
        byId(await tiesCiting(tx, ws, ids, CITED_BY_SHOWN)),
        byId(await readingsCiting(tx, ws, ids, CITED_BY_SHOWN)),
      ]
    : [new Map(), new Map(), new Map()];
  const sources = page.map((source) => {
    const a = actors.get(source.id);
    const r = ties.get(source.id);
    const x = readings.get(source.id);
    const counts = { actors: a?.n ?? 0, relationships: r?.n ?? 0, readings: x?.n ?? 0, total: 0 };
    counts.total = counts.actors + counts.relationships + counts.readings;
    return { source, actors: a?.items ?? [], relationships: r?.items ?? [], readings: x?.items ?? [], counts };
  });
  const last = page.at(-1);
  const next: [string, string] | null = rows.length > query.limit && last ? [last.createdAt, last.id] : null;

  const uncited = await uncitedPage(tx, ws, query.uncitedAt, query.uncitedLimit);
  const totals = await citationTotals(tx, ws);
  return {
    sources,
    next,
    uncited: { ...uncited, actors: totals.actors, relationships: totals.relationships },
    totals: { sources: totals.sources, uncitedSources: totals.uncitedSources },
  };
}

/** Uncited actors, then uncited ties; the cursor says which list and where in it. */
async function uncitedPage(tx: Tx, ws: string, at: UncitedPosition | null, limit: number) {
  const items: UncitedItem[] = [];
  let next: UncitedPosition | null = null;
  if (!at || at[0] === 'actor') {
    const found = await uncitedActors(tx, ws, at ? [at[1], at[2]] : null, limit + 1);
    for (const f of found.slice(0, limit)) items.push(f.item);
    const lastActor = found.at(limit - 1);
    if (found.length > limit && lastActor) next = ['actor', lastActor.key, lastActor.item.actor.id];
    // A page filled by the last actors: the next one starts at the first tie.
    else if (items.length === limit) next = ['relationship', '', ''];
  }
  if (!next && items.length < limit) {
    const fromId = at && at[0] === 'relationship' ? at[2] || null : null;
    const room = limit - items.length;
    const found = await uncitedTies(tx, ws, fromId, room + 1);
    items.push(...found.slice(0, room));
    const lastTie = found.at(room - 1);
    if (found.length > room && lastTie) next = ['relationship', '', lastTie.relationship.id];
  }
  return { items, next };
}
