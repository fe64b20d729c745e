import type { Tx } from '../db/gateway.js';
import { NotFound, notFound } from '../domain/errors.js';
import { cypher } from './queries.js';

/** 404 naming the ids that are not live actors of this workspace (another workspace's count as unknown). */
export async function requireActors(tx: Tx, ws: string, ids: string[], field: string): Promise<void> {
  if (ids.length === 0) return;
  const rows = await tx.query<{ id: string; found: boolean }>(cypher('actors-found'), { ws, ids });
  assertFound(
    rows.filter((r) => !r.found).map((r) => r.id),
    field,
  );
}

export function assertFound(missing: string[], field: string): void {
  if (missing.length === 0) return;
  const list = missing.map((id) => `"${id}"`).join(', ');
  throw new NotFound(`${field}: no actor ${list} in this workspace (deleted, or never here).`, {
    errors: [{ path: field, message: `unknown actor ${list}` }],
  });
}

export const mapNotFound = () => notFound('That map (map=) in this workspace');
