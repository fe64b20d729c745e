/**
 * Writes a generated power graph into Neo4j exactly as the API stores it (cypher/README.md):
 * `:Actor:Person`/`:Actor:Organization` nodes with their workspaceId, typed relationships
 * with ids, a Workspace, a User who owns it and an ApiToken for `Authorization: Bearer`.
 * A fixture already in the database with the same fingerprint is reused.
 */
import type { Driver } from 'neo4j-driver';
import { hashSecret } from '../../server/auth/secrets.js';
import { relationshipTypes } from '../../server/domain/relationship.js';
import type { PowerGraph } from './generator.js';
import { rng, uuidFrom } from './random.js';

export const GENERATOR_VERSION = 2;
const BATCH = 10_000;
const STAMP = '2026-01-15T09:00:00.000Z';

export interface Fixture {
  name: string;
  workspaceId: string;
  userId: string;
  /** Bearer token of the workspace owner. */
  token: string;
  graph: PowerGraph;
  /** Seconds spent writing it (0 when reused). */
  loadSeconds: number;
}

export function fixtureIdentity(name: string, seed: number) {
  const random = rng(seed * 7919 + name.length);
  return { workspaceId: uuidFrom(random), userId: uuidFrom(random), tokenId: uuidFrom(random), token: `pmbench_${name}_${seed}` };
}

export function actorProps(graph: PowerGraph, workspaceId: string) {
  return graph.actors.map((a) => ({
    id: a.id,
    workspaceId,
    kind: a.kind,
    name: a.name,
    nameKey: a.name.toLowerCase(),
    aliases: [],
    aliasText: '',
    description: '',
    sector: a.sector,
    tags: a.tags,
    roles: a.roles,
    power: a.power,
    alignment: a.alignment,
    interests: [],
    powerSources: [],
    sourceIds: [],
    externalIdsJson: '{}',
    links: [],
    organized: a.organized,
    sharesOutstanding: a.sharesOutstanding,
    version: 1,
    createdAt: STAMP,
    updatedAt: STAMP,
  }));
}

export function relationshipRows(graph: PowerGraph, workspaceId: string) {
  return graph.relationships.map((r) => ({
    type: r.type,
    from: graph.actors[r.from]!.id,
    to: graph.actors[r.to]!.id,
    props: {
      id: r.id,
      workspaceId,
      mutual: r.mutual,
      strength: r.strength,
      description: '',
      sourceIds: [],
      version: 1,
      createdAt: STAMP,
      updatedAt: STAMP,
      ...r.fields,
    },
  }));
}

async function run(driver: Driver, cypher: string, params: Record<string, unknown> = {}) {
  const session = driver.session({ database: 'neo4j' });
  try {
    return (await session.run(cypher, params)).records;
  } finally {
    await session.close();
  }
}

/** Removes a workspace and everything in it, in batches so a 1M-relationship graph fits in memory. */
export async function dropWorkspace(driver: Driver, workspaceId: string) {
  // The parts of large changes carry no workspaceId of their own: reach them through their change.
  await run(
    driver,
    `MATCH (:Change {workspaceId: $ws})-[:PART]->(p:ChangePart)
     CALL (p) { DETACH DELETE p } IN TRANSACTIONS OF 2000 ROWS`,
    { ws: workspaceId },
  );
  await run(
    driver,
    `MATCH (n) WHERE n.workspaceId = $ws AND (n:Actor OR n:DeletedActor OR n:Source OR n:Change OR n:Map OR n:Demand OR n:Assessment)
     CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS`,
    { ws: workspaceId },
  );
  await run(driver, 'MATCH (w:Workspace {id: $ws}) DETACH DELETE w', { ws: workspaceId });
}

/** Writes actors (by kind) and relationships (by type) in UNWIND batches of 10,000. */
export async function writeGraph(driver: Driver, graph: PowerGraph, workspaceId: string) {
  const actors = actorProps(graph, workspaceId);
  for (const kind of ['person', 'organization'] as const) {
    const label = kind === 'person' ? 'Person' : 'Organization';
    const rows = actors.filter((a) => a.kind === kind);
    for (let i = 0; i < rows.length; i += BATCH) {
      await run(driver, `UNWIND $rows AS row CREATE (a:Actor:${label}) SET a = row`, { rows: rows.slice(i, i + BATCH) });
    }
  }
  const rels = relationshipRows(graph, workspaceId);
  for (const type of relationshipTypes) {
    const rows = rels.filter((r) => r.type === type);
    for (let i = 0; i < rows.length; i += BATCH) {
      await run(
        driver,
        `UNWIND $rows AS row
         MATCH (a:Actor {id: row.from}) MATCH (b:Actor {id: row.to})
         CREATE (a)-[r:${type}]->(b) SET r = row.props`,
        { rows: rows.slice(i, i + BATCH) },
      );
    }
  }
}

/** The workspace, its owner and the owner's API token (stored hashed, as the API does). */
export async function writeAccess(driver: Driver, name: string, identity: ReturnType<typeof fixtureIdentity>, fingerprint: string) {
  await run(
    driver,
    `MERGE (u:User {id: $userId})
       ON CREATE SET u.email = $email, u.name = 'Benchmark owner', u.passwordHash = '!', u.createdAt = datetime()
     CREATE (w:Workspace {id: $workspaceId, name: $wsName, description: 'Generated benchmark fixture', version: 1,
                          changeSeq: 0, createdAt: datetime(), updatedAt: datetime(), benchFixture: $fingerprint})
     CREATE (u)-[:MEMBER_OF {role: 'owner', since: datetime()}]->(w)
     MERGE (t:ApiToken {id: $tokenId})
       ON CREATE SET t.userId = $userId, t.name = 'bench', t.hash = $hash, t.createdAt = datetime()`,
    {
      ...identity,
      email: `bench-${name}@powermap.invalid`,
      wsName: `Benchmark ${name}`,
      hash: hashSecret(identity.token),
      fingerprint,
    },
  );
}

export async function ensureFixture(driver: Driver, name: string, graph: PowerGraph, log: (line: string) => void): Promise<Fixture> {
  const identity = fixtureIdentity(name, graph.seed);
  const fingerprint = `v${GENERATOR_VERSION}:${name}:${graph.seed}:${graph.actors.length}:${graph.relationships.length}`;
  const base = { name, workspaceId: identity.workspaceId, userId: identity.userId, token: identity.token, graph };
  const existing = await run(driver, 'MATCH (w:Workspace {id: $ws}) RETURN w.benchFixture AS f', { ws: identity.workspaceId });
  if (existing[0]?.get('f') === fingerprint) return { ...base, loadSeconds: 0 };
  // Nothing, or a half-written or older fixture: start from a clean slate either way.
  await dropWorkspace(driver, identity.workspaceId);
  log(`writing fixture ${name}: ${graph.actors.length} actors, ${graph.relationships.length} relationships`);
  const started = performance.now();
  await writeGraph(driver, graph, identity.workspaceId);
  // The workspace (with its fingerprint) goes last: a half-written fixture is never reused.
  await writeAccess(driver, name, identity, fingerprint);
  return { ...base, loadSeconds: (performance.now() - started) / 1000 };
}

let workspaceSeq = 0;
/** A new empty workspace owned by `userId`, written straight to the store. */
export async function workspaceFor(driver: Driver, userId: string, name: string): Promise<string> {
  const id = uuidFrom(rng((Date.now() % 1e9) + ++workspaceSeq));
  const session = driver.session({ database: 'neo4j' });
  try {
    await session.run(
      `MATCH (u:User {id: $userId})
       CREATE (w:Workspace {id: $id, name: $name, description: '', version: 1, changeSeq: 0, createdAt: datetime(), updatedAt: datetime()})
       CREATE (u)-[:MEMBER_OF {role: 'owner', since: datetime()}]->(w)`,
      { userId, id, name },
    );
  } finally {
    await session.close();
  }
  return id;
}
