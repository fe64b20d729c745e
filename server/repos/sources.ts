import type { Source } from '../domain/source.js';
import { normalizeUrl } from '../domain/source.js';
import type { Tx } from '../db/gateway.js';
import { conflict } from '../domain/errors.js';
import type { EntityStore } from './entity-store.js';

export const SOURCE = 's {.id, .url, .title, .publisher, .publishedAt, .accessedAt, .excerpt, .version, .createdAt, .updatedAt}';

export const sourceStore: EntityStore<Source> = {
  type: 'source',
  async load(tx, ws, id) {
    return (
      (await tx.one<{ s: Source }>(`MATCH (s:Source {id: $id}) WHERE s.workspaceId = $ws RETURN ${SOURCE} AS s`, { ws, id }))?.s ?? null
    );
  },
  async save(tx, ws, source) {
    const { id, ...props } = source;
    const rows = await tx.query(
      `MERGE (s:Source {workspaceId: $ws, id: $id})
       WITH s WHERE s.workspaceId = $ws SET s += $props RETURN s.id AS id`,
      { ws, id, props: { ...props, urlKey: normalizeUrl(source.url) } },
    );
    if (rows.length === 0) throw conflict(`The id ${id} is already used by another record.`);
  },
  async remove(tx, ws, id) {
    await tx.query('MATCH (s:Source {id: $id}) WHERE s.workspaceId = $ws DELETE s', { ws, id });
  },
};

export async function sourceByUrl(tx: Tx, ws: string, url: string): Promise<Source | null> {
  return (
    (
      await tx.one<{ s: Source }>(`MATCH (s:Source {workspaceId: $ws, urlKey: $key}) RETURN ${SOURCE} AS s`, {
        ws,
        key: normalizeUrl(url),
      })
    )?.s ?? null
  );
}

export async function sourcesByIds(tx: Tx, ws: string, ids: string[]): Promise<Source[]> {
  if (ids.length === 0) return [];
  const rows = await tx.query<{ s: Source }>(
    `UNWIND $ids AS id MATCH (s:Source {id: id}) WHERE s.workspaceId = $ws RETURN ${SOURCE} AS s`,
    { ws, ids },
  );
  return rows.map((r) => r.s);
}

/** A page of sources, newest first; `q` (lower-cased) matches title, publisher or URL. */
export async function listSources(
  tx: Tx,
  ws: string,
  q: string | undefined,
  page: { after: [string, string] | null; limit: number },
): Promise<Source[]> {
  const rows = await tx.query<{ s: Source }>(
    `MATCH (s:Source) WHERE s.workspaceId = $ws
       AND ($q IS NULL OR toLower(coalesce(s.title, '') + ' ' + coalesce(s.publisher, '') + ' ' + s.url) CONTAINS $q)
       AND ($afterAt IS NULL OR s.createdAt < $afterAt OR (s.createdAt = $afterAt AND s.id < $afterId))
     RETURN ${SOURCE} AS s ORDER BY s.createdAt DESC, s.id DESC LIMIT $limit`,
    { ws, q: q ? q.toLowerCase() : null, afterAt: page.after?.[0] ?? null, afterId: page.after?.[1] ?? null, limit: page.limit },
  );
  return rows.map((r) => r.s);
}

/** How many records cite a source: relationships, actors and assessments (of actors not deleted). */
export async function citationsOf(tx: Tx, ws: string, id: string): Promise<number> {
  const row = await tx.one<{ n: number }>(
    `CALL { MATCH (a:Actor)-[r]->(:Actor) WHERE a.workspaceId = $ws AND $id IN r.sourceIds RETURN count(r) AS ties }
     CALL { MATCH (a:Actor) WHERE a.workspaceId = $ws AND $id IN a.sourceIds RETURN count(a) AS actors }
     CALL { MATCH (x:Assessment {sourceId: $id}) WHERE x.workspaceId = $ws
            MATCH (a:Actor {id: x.actorId}) WHERE a.workspaceId = $ws RETURN count(x) AS readings }
     RETURN ties + actors + readings AS n`,
    { ws, id },
  );
  return row?.n ?? 0;
}

/** Which of these sources exist in the workspace. */
export async function existingSourceIds(tx: Tx, ws: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.query<{ id: string }>('UNWIND $ids AS id MATCH (s:Source {id: id}) WHERE s.workspaceId = $ws RETURN s.id AS id', {
    ws,
    ids,
  });
  return new Set(rows.map((r) => r.id));
}

/** Every source's id, URL and title, by position: what an import matches a sheet's Sources against. */
export async function sourceKeys(tx: Tx, ws: string): Promise<{ ids: string[]; urls: string[]; titles: (string | null)[] }> {
  return (await tx.one<{ ids: string[]; urls: string[]; titles: (string | null)[] }>(
    'MATCH (s:Source) WHERE s.workspaceId = $ws RETURN collect(s.id) AS ids, collect(s.url) AS urls, collect(coalesce(s.title, "")) AS titles',
    { ws },
  ))!;
}
