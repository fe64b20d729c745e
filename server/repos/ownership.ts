import type { Tx } from '../db/gateway.js';
import { relationshipDefaults } from '../domain/relationship.js';

/** An actor as the ownership answers need it. */
export interface OwnershipActorRow {
  id: string;
  name: string;
  kind: 'person' | 'organization';
  roles: string[];
  tags: string[];
  power: number | null;
  alignment: number | null;
}

const ACTOR_ROW = `{ id: a.id, name: a.name, kind: a.kind, roles: coalesce(a.roles, []), tags: coalesce(a.tags, []),
  power: a.power, alignment: a.alignment }`;

const STAKE_ROW = `r { .id, .strength, .percent, .percentMin, .percentMax, .shares, .basis, .commitment, .currency, .generalPartner,
  .declared, .asOf, .sourceIds, from: h.id, to: c.id, companyShares: c.sharesOutstanding }`;

export interface StakeRow {
  id: string;
  from: string;
  to: string;
  percent: number | null;
  percentMin: number | null;
  percentMax: number | null;
  shares: number | null;
  basis: 'equity' | 'voting' | 'lp_commitment' | 'consolidation';
  commitment: number | null;
  currency: string | null;
  generalPartner: boolean;
  declared: 'direct' | 'indirect' | 'ultimate_parent';
  asOf: string | null;
  sourceIds: string[];
  strength: number;
  /** The company's shares outstanding, from which a holding given in shares has a percent. */
  companyShares?: number | null;
}

/** Neo4j leaves out null properties; older records lack the newer fields. */
function stakeFromRow(row: Record<string, unknown>): StakeRow {
  const filled: Record<string, unknown> = {
    ...relationshipDefaults.OWNERSHIP,
    sourceIds: [],
    strength: relationshipDefaults.common.strength,
    companyShares: null,
  };
  for (const [k, v] of Object.entries(row)) if (v !== null && v !== undefined) filled[k] = v;
  return filled as unknown as StakeRow;
}

/** The OWNERSHIP ties with these ids, with their holders (one index seek each). */
export async function stakesByIds(tx: Tx, ws: string, ids: string[]) {
  const rows = await tx.query<{ r: Record<string, unknown>; a: OwnershipActorRow }>(
    `UNWIND $ids AS rid
     MATCH (h:Actor)-[r:OWNERSHIP {id: rid}]->(c:Actor) WHERE r.workspaceId = $ws
     WITH r, h, c, h AS a
     RETURN ${STAKE_ROW} AS r, ${ACTOR_ROW} AS a`,
    { ws, ids },
  );
  return rows.map((row) => ({ stake: stakeFromRow(row.r), holder: row.a }));
}

/** A HIERARCHY tie read for control: the parent controls the child. */
export interface ParentRow {
  id: string;
  from: string;
  to: string;
}

/**
 * The HIERARCHY ties with these ids that make their source the parent of their target (a
 * subsidiary or a division, or unstated; an affiliate is not a child), with their parents.
 */
export async function parentsByIds(tx: Tx, ws: string, ids: string[]) {
  const rows = await tx.query<{ r: ParentRow; a: OwnershipActorRow }>(
    `UNWIND $ids AS rid
     MATCH (h:Actor)-[r:HIERARCHY {id: rid}]->(c:Actor) WHERE r.workspaceId = $ws AND coalesce(r.relation, 'subsidiary') <> 'affiliate'
     WITH r, h, c, h AS a
     RETURN { id: r.id, from: h.id, to: c.id } AS r, ${ACTOR_ROW} AS a`,
    { ws, ids },
  );
  return rows.map((row) => ({ tie: row.r, holder: row.a }));
}

/** The given actors that are live in this workspace. */
export async function ownershipActors(tx: Tx, ws: string, ids: string[]): Promise<OwnershipActorRow[]> {
  return (
    await tx.query<{ a: OwnershipActorRow }>(
      `UNWIND $ids AS id MATCH (a:Actor {id: id}) WHERE a.workspaceId = $ws RETURN ${ACTOR_ROW} AS a`,
      { ws, ids },
    )
  ).map((r) => r.a);
}

/** Every OWNERSHIP tie of the workspace (up to limit), for the anomalies list. */
export async function workspaceStakes(tx: Tx, ws: string, limit: number) {
  const rows = await tx.query<{ r: Record<string, unknown>; hn: string; cn: string }>(
    `MATCH (h:Actor)-[r:OWNERSHIP]->(c:Actor) WHERE h.workspaceId = $ws
     WITH r, h, c LIMIT $limit
     RETURN ${STAKE_ROW} AS r, h.name AS hn, c.name AS cn`,
    { ws, limit },
  );
  return rows.map((row) => ({ stake: stakeFromRow(row.r), holderName: row.hn, companyName: row.cn }));
}

export interface TrusteeRow {
  fundId: string;
  relationshipId: string;
  title: string | null;
  person: OwnershipActorRow;
}

/** Board members and trustees of the given organizations (POSITION ties with board or a trustee title). */
export async function trusteesOf(tx: Tx, ws: string, fundIds: string[]): Promise<TrusteeRow[]> {
  return tx.query<TrusteeRow>(
    `UNWIND $ids AS fid
     MATCH (f:Actor {id: fid}) WHERE f.workspaceId = $ws
     MATCH (a:Actor)-[r:POSITION]->(f)
     WHERE r.board = true OR toLower(coalesce(r.title, '')) CONTAINS 'trustee'
     RETURN f.id AS fundId, r.id AS relationshipId, r.title AS title, ${ACTOR_ROW} AS person
     ORDER BY a.name, r.id`,
    { ws, ids: fundIds },
  );
}
