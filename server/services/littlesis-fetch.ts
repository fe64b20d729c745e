import { invalid, NotFound, Unavailable, Upstream } from '../domain/errors.js';

const TIMEOUT_MS = 20_000;
/** Entities at the other ends fetched per request (LittleSis's own limit). */
const IDS_PER_REQUEST = 300;
const MAX_PAGES = 10;

/** The id from a LittleSis entity URL ("…/entities/1164-Goldman_Sachs", "…/org/1164-…") or a bare id. */
export function littlesisEntityId(input: string): number {
  const m =
    /^(\d+)$/.exec(input.trim()) ??
    /littlesis\.org\/(?:entities|org|person|api\/entities)\/(\d+)/i.exec(input) ??
    /\/(?:entities|org|person)\/(\d+)/.exec(input);
  if (!m)
    throw invalid('Give a LittleSis entity URL such as https://littlesis.org/entities/1164-Goldman_Sachs, or its number.', [
      { path: 'body.entity', message: 'is not a LittleSis entity URL or id' },
    ]);
  return Number(m[1]);
}

/**
 * Fetches an entity, its relationships and the entities on their other ends from LittleSis's
 * public API, as one JSON document the littlesis format reads. No internet (or LittleSis
 * down) is a 502 or 503 that says so, never a 500.
 */
export async function fetchLittleSis(baseUrl: string, entity: string): Promise<{ entityId: number; text: string }> {
  const id = littlesisEntityId(entity);
  const base = baseUrl.replace(/\/+$/, '');
  const get = async (path: string): Promise<Record<string, unknown>> => {
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(TIMEOUT_MS), headers: { accept: 'application/json' } });
    } catch {
      throw new Upstream(
        `The server could not reach LittleSis at ${base} (it may have no internet access, or LittleSis is down). Download the entity’s JSON and import it as a file instead.`,
      );
    }
    if (res.status === 404) throw new NotFound(`LittleSis has no entity ${id}.`);
    if (res.status === 429 || res.status >= 500)
      throw new Unavailable(
        `LittleSis answered ${res.status} (${res.status === 429 ? 'too many requests' : 'an error on its side'}); try again in a while.`,
        60,
      );
    if (!res.ok) throw new Upstream(`LittleSis answered ${res.status} for ${path}.`);
    try {
      return (await res.json()) as Record<string, unknown>;
    } catch {
      throw new Upstream(`LittleSis answered ${path} with something that is not JSON.`);
    }
  };
  const main = await get(`/api/entities/${id}`);
  const relationships: unknown[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const answer = await get(`/api/entities/${id}/relationships?page=${page}`);
    const data = Array.isArray(answer.data) ? answer.data : [];
    relationships.push(...data);
    const pages = Number((answer.meta as { pageCount?: number } | undefined)?.pageCount ?? 1);
    if (page >= pages || !data.length) break;
  }
  const others = new Set<number>();
  for (const r of relationships) {
    const a = (r as { attributes?: { entity1_id?: number; entity2_id?: number } }).attributes ?? {};
    for (const end of [a.entity1_id, a.entity2_id]) if (typeof end === 'number' && end !== id) others.add(end);
  }
  const entities: unknown[] = [];
  const ids = [...others];
  for (let i = 0; i < ids.length; i += IDS_PER_REQUEST) {
    const answer = await get(`/api/entities?ids=${ids.slice(i, i + IDS_PER_REQUEST).join(',')}`);
    if (Array.isArray(answer.data)) entities.push(...answer.data);
  }
  return { entityId: id, text: JSON.stringify({ entity: main, relationships: { data: relationships }, entities: { data: entities } }) };
}
