import { randomUUID } from 'node:crypto';
import type { TestContext } from './app.js';
import { call, newWorkspace, signUp, type Caller } from './api.js';

export interface SeedActor {
  name: string;
  kind?: 'person' | 'organization';
  roles?: string[];
  power?: number | null;
  alignment?: number | null;
}
export interface SeedTie {
  from: string;
  to: string;
  type: string;
  strength?: number;
  mutual?: boolean;
  board?: boolean;
}

/** A signed-in owner and a fresh workspace of their own. */
export async function analysisSession(ctx: TestContext, name = 'Analyst'): Promise<{ who: Caller; ws: string }> {
  const who = await signUp(ctx.app, name);
  return { who, ws: await newWorkspace(ctx.app, who, `${name}'s map`) };
}

/**
 * Writes actors and ties straight into the graph model (cypher/README.md), keyed by name:
 * returns name → id. Faster than one API call per record for the classic networks.
 */
export async function seedGraph(ctx: TestContext, ws: string, actors: SeedActor[], ties: SeedTie[]): Promise<Record<string, string>> {
  const ids: Record<string, string> = Object.fromEntries(actors.map((a) => [a.name, randomUUID()]));
  const rows = actors.map((a) => ({
    id: ids[a.name],
    name: a.name,
    kind: a.kind ?? 'person',
    roles: a.roles ?? [],
    power: a.power ?? null,
    alignment: a.alignment ?? null,
  }));
  await ctx.db.write((tx) =>
    tx.query(
      `UNWIND $rows AS row
       CALL (row) {
         WITH row WHERE row.kind = 'person' CREATE (a:Actor:Person) SET a = row
         UNION
         WITH row WHERE row.kind = 'organization' CREATE (a:Actor:Organization) SET a = row
       }
       WITH row MATCH (a:Actor {id: row.id})
       SET a.workspaceId = $ws, a.nameKey = toLower(row.name), a.version = 1, a.createdAt = datetime(), a.updatedAt = datetime()`,
      { ws, rows },
    ),
  );
  const byType = new Map<string, SeedTie[]>();
  for (const t of ties) byType.set(t.type, [...(byType.get(t.type) ?? []), t]);
  for (const [type, list] of byType) {
    if (!/^[A-Z]+$/.test(type)) throw new Error(`bad type ${type}`);
    const tieRows = list.map((t) => {
      if (!ids[t.from] || !ids[t.to]) throw new Error(`unknown actor in tie ${t.from} → ${t.to}`);
      return {
        id: randomUUID(),
        from: ids[t.from],
        to: ids[t.to],
        strength: t.strength ?? 3,
        mutual: t.mutual ?? false,
        board: t.board ?? false,
      };
    });
    await ctx.db.write((tx) =>
      tx.query(
        `UNWIND $rows AS row
         MATCH (a:Actor {id: row.from}), (b:Actor {id: row.to})
         CREATE (a)-[r:${type} {id: row.id, workspaceId: $ws, strength: row.strength, mutual: row.mutual, version: 1, sourceIds: []}]->(b)
         SET r.board = CASE WHEN '${type}' = 'POSITION' THEN row.board ELSE null END`,
        { ws, rows: tieRows },
      ),
    );
  }
  await bumpVersion(ctx, ws);
  return ids;
}

/** What every recorded change does to the workspace: moves its change sequence on. */
export async function bumpVersion(ctx: TestContext, ws: string) {
  await ctx.db.write((tx) => tx.query('MATCH (w:Workspace {id: $ws}) SET w.changeSeq = coalesce(w.changeSeq, 0) + 1', { ws }));
}

/** GET an analysis route of the workspace. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the body's type, as for Answer in api.ts
export function ask<T = any>(ctx: TestContext, who: Caller, ws: string, path: string) {
  return call<T>(ctx.app, who, 'GET', `/api/workspaces/${ws}/analysis/${path}`);
}
