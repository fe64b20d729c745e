import type { Tx } from '../db/gateway.js';
import type { Contribution, IncomingShare, OutgoingShare, Share, ShareAccess, SharedMapSummary, ShareStatus } from '../domain/share.js';

/** Lists about shares stop here: a map is shared with a coalition, not with thousands. */
const LIST_LIMIT = 500;

const SHARE = `{id: s.id, mapId: s.mapId, partnerWorkspace: {id: p.id, name: p.name}, access: s.access, status: s.status,
  offeredBy: s.offeredBy, createdAt: s.createdAt, respondedAt: s.respondedAt}`;

/** A share the partner workspace may use: accepted, its map and both workspaces still there. */
export interface OpenShare {
  id: string;
  access: ShareAccess;
  mapId: string;
  mapName: string;
  ownerWorkspace: { id: string; name: string };
  partnerWorkspace: { id: string; name: string };
}

export const sharesRepo = {
  async workspace(tx: Tx, id: string) {
    return tx.one<{ id: string; name: string }>(
      'MATCH (w:Workspace {id: $id}) WHERE w.deletedAt IS NULL RETURN w.id AS id, w.name AS name',
      { id },
    );
  },

  async forMapAndPartner(tx: Tx, ws: string, mapId: string, partnerWorkspaceId: string): Promise<Share | undefined> {
    return (
      await tx.one<{ s: Share }>(
        `MATCH (s:Share {mapId: $mapId, partnerWorkspaceId: $partnerWorkspaceId}) WHERE s.workspaceId = $ws
       MATCH (p:Workspace {id: s.partnerWorkspaceId})
       RETURN ${SHARE} AS s`,
        { ws, mapId, partnerWorkspaceId },
      )
    )?.s;
  },

  async create(
    tx: Tx,
    share: { id: string; ws: string; mapId: string; partnerWorkspaceId: string; access: ShareAccess; offeredBy: string | null },
  ): Promise<Share> {
    return (await tx.one<{ s: Share }>(
      `MATCH (p:Workspace {id: $partnerWorkspaceId})
       CREATE (s:Share {id: $id, workspaceId: $ws, mapId: $mapId, partnerWorkspaceId: $partnerWorkspaceId, access: $access,
                        status: 'pending', offeredBy: $offeredBy, createdAt: datetime(), respondedAt: null})
       RETURN ${SHARE} AS s`,
      share,
    ))!.s;
  },

  async forMap(tx: Tx, ws: string, mapId: string): Promise<Share[]> {
    const rows = await tx.query<{ s: Share }>(
      `MATCH (s:Share {mapId: $mapId}) WHERE s.workspaceId = $ws
       MATCH (p:Workspace {id: s.partnerWorkspaceId}) WHERE p.deletedAt IS NULL
       RETURN ${SHARE} AS s ORDER BY s.createdAt, s.id LIMIT $limit`,
      { ws, mapId, limit: LIST_LIMIT },
    );
    return rows.map((r) => r.s);
  },

  /** Every share this workspace offers, map by map. */
  async outgoing(tx: Tx, ws: string): Promise<OutgoingShare[]> {
    const rows = await tx.query<{ s: OutgoingShare }>(
      `MATCH (s:Share) WHERE s.workspaceId = $ws
       MATCH (m:Map {id: s.mapId}) WHERE m.workspaceId = $ws
       MATCH (p:Workspace {id: s.partnerWorkspaceId}) WHERE p.deletedAt IS NULL
       RETURN ${SHARE.slice(0, -1)}, mapName: m.name} AS s ORDER BY toLower(m.name), toLower(p.name), s.id LIMIT $limit`,
      { ws, limit: LIST_LIMIT },
    );
    return rows.map((r) => r.s);
  },

  /** Revoking deletes the share: nothing is left that a partner's request could find. */
  async remove(tx: Tx, ws: string, mapId: string, shareId: string): Promise<boolean> {
    const row = await tx.one<{ n: number }>(
      `MATCH (s:Share {id: $shareId}) WHERE s.workspaceId = $ws AND s.mapId = $mapId
       WITH s, s.id AS id DELETE s RETURN count(id) AS n`,
      { ws, mapId, shareId },
    );
    return (row?.n ?? 0) > 0;
  },

  /** Offers to a workspace, pending and accepted, whose map and offering workspace still exist. */
  async incoming(tx: Tx, ws: string, shareId: string | null = null): Promise<IncomingShare[]> {
    const rows = await tx.query<{ s: IncomingShare }>(
      `MATCH (s:Share) WHERE s.partnerWorkspaceId = $ws AND s.status IN ['pending', 'accepted'] AND ($shareId IS NULL OR s.id = $shareId)
       MATCH (o:Workspace {id: s.workspaceId}) WHERE o.deletedAt IS NULL
       MATCH (m:Map {id: s.mapId}) WHERE m.workspaceId = s.workspaceId
       RETURN {id: s.id, access: s.access, status: s.status, offeringWorkspace: {id: o.id, name: o.name},
               map: {id: m.id, name: m.name, description: m.description, memberCount: COUNT { (m)-[:SHOWS]->(:Actor) }},
               createdAt: s.createdAt, respondedAt: s.respondedAt} AS s
       ORDER BY s.status DESC, s.createdAt DESC, s.id LIMIT $limit`,
      { ws, shareId, limit: LIST_LIMIT },
    );
    return rows.map((r) => r.s);
  },

  async respond(tx: Tx, ws: string, shareId: string, status: ShareStatus, userId: string) {
    await tx.query(
      `MATCH (s:Share {id: $shareId}) WHERE s.partnerWorkspaceId = $ws
       SET s.status = $status, s.respondedAt = datetime(), s.respondedBy = $userId`,
      { ws, shareId, status, userId },
    );
  },

  async open(tx: Tx, ws: string, shareId: string): Promise<OpenShare | undefined> {
    return (
      await tx.one<{ s: OpenShare }>(
        `MATCH (s:Share {id: $shareId}) WHERE s.partnerWorkspaceId = $ws AND s.status = 'accepted'
       MATCH (o:Workspace {id: s.workspaceId}) WHERE o.deletedAt IS NULL
       MATCH (p:Workspace {id: s.partnerWorkspaceId}) WHERE p.deletedAt IS NULL
       MATCH (m:Map {id: s.mapId}) WHERE m.workspaceId = s.workspaceId
       RETURN {id: s.id, access: s.access, mapId: m.id, mapName: m.name, ownerWorkspace: {id: o.id, name: o.name},
               partnerWorkspace: {id: p.id, name: p.name}} AS s`,
        { ws, shareId },
      )
    )?.s;
  },

  async sharedWith(tx: Tx, ws: string): Promise<SharedMapSummary[]> {
    const rows = await tx.query<{ s: SharedMapSummary }>(
      `MATCH (s:Share) WHERE s.partnerWorkspaceId = $ws AND s.status = 'accepted'
       MATCH (o:Workspace {id: s.workspaceId}) WHERE o.deletedAt IS NULL
       MATCH (m:Map {id: s.mapId}) WHERE m.workspaceId = s.workspaceId
       RETURN {shareId: s.id, access: s.access, ownerWorkspace: {id: o.id, name: o.name}, acceptedAt: s.respondedAt,
               map: {id: m.id, name: m.name, description: m.description, defaultView: m.defaultView, updatedAt: m.updatedAt,
                     memberCount: COUNT { (m)-[:SHOWS]->(:Actor) }}} AS s
       ORDER BY toLower(m.name), s.id LIMIT $limit`,
      { ws, limit: LIST_LIMIT },
    );
    return rows.map((r) => r.s);
  },

  /** Which of these ids are actors the map shows. */
  async onMap(tx: Tx, ws: string, mapId: string, ids: string[]): Promise<Set<string>> {
    const rows = await tx.query<{ id: string }>(
      `MATCH (m:Map {id: $mapId}) WHERE m.workspaceId = $ws
       UNWIND $ids AS actorId
       MATCH (m)-[:SHOWS]->(a:Actor {id: actorId})
       RETURN a.id AS id`,
      { ws, mapId, ids },
    );
    return new Set(rows.map((r) => r.id));
  },

  async baseOnMap(tx: Tx, ws: string, mapId: string, limit: number): Promise<string[]> {
    const rows = await tx.query<{ id: string }>(
      `MATCH (m:Map {id: $mapId})-[:SHOWS]->(a:Actor) WHERE m.workspaceId = $ws AND 'base' IN a.roles
       RETURN a.id AS id ORDER BY a.name, a.id LIMIT $limit`,
      { ws, mapId, limit },
    );
    return rows.map((r) => r.id);
  },

  async recordContribution(
    tx: Tx,
    c: { entityType: 'actor' | 'relationship'; entityId: string; ws: string; partnerWorkspaceId: string; shareId: string },
  ) {
    await tx.query(
      `CREATE (:Contribution {entityType: $entityType, entityId: $entityId, workspaceId: $ws, partnerWorkspaceId: $partnerWorkspaceId,
                              shareId: $shareId, at: datetime()})`,
      c,
    );
  },

  /** Which of these actors and ties partners added, and which partner. */
  async contributions(tx: Tx, ws: string, ids: string[]): Promise<Contribution[]> {
    if (ids.length === 0) return [];
    const rows = await tx.query<{ c: Contribution }>(
      `UNWIND $ids AS entityId
       MATCH (c:Contribution {entityId: entityId}) WHERE c.workspaceId = $ws
       MATCH (w:Workspace {id: c.partnerWorkspaceId})
       RETURN {entityType: c.entityType, entityId: c.entityId, workspace: {id: w.id, name: w.name}} AS c`,
      { ws, ids },
    );
    return rows.map((r) => r.c);
  },
};

export interface CoalitionMap {
  id: string;
  name: string;
  workspace: { id: string; name: string };
  shared: 'with-us' | 'by-us';
}

export interface ReachRow {
  mapId: string;
  targetActorId: string;
  targetExternalIds: string | null;
  relationshipId: string;
  type: string;
  strength: number | null;
  mutual: boolean | null;
  towardsTarget: boolean;
  other: { id: string; name: string; kind: 'person' | 'organization'; roles: string[]; power: number | null; alignment: number | null };
}

export const coalitionRepo = {
  /** Every map in an accepted share offered by this workspace or to it, once each. */
  async maps(tx: Tx, ws: string, limit: number): Promise<CoalitionMap[]> {
    const rows = await tx.query<{ m: CoalitionMap }>(
      `MATCH (s:Share {status: 'accepted'}) WHERE s.workspaceId = $ws OR s.partnerWorkspaceId = $ws
       MATCH (o:Workspace {id: s.workspaceId}) WHERE o.deletedAt IS NULL
       MATCH (p:Workspace {id: s.partnerWorkspaceId}) WHERE p.deletedAt IS NULL
       MATCH (m:Map {id: s.mapId}) WHERE m.workspaceId = s.workspaceId
       WITH DISTINCT m, o
       RETURN {id: m.id, name: m.name, workspace: {id: o.id, name: o.name}, shared: CASE WHEN o.id = $ws THEN 'by-us' ELSE 'with-us' END} AS m
       ORDER BY m.shared, toLower(m.name), m.id LIMIT $limit`,
      { ws, limit },
    );
    return rows.map((r) => r.m);
  },

  /** An actor on one of the maps shared with this workspace, with the workspace that holds it. */
  async actorOnSharedMap(tx: Tx, ws: string, actorId: string) {
    return tx.one<{
      id: string;
      name: string;
      kind: 'person' | 'organization';
      externalIds: string | null;
      workspace: { id: string; name: string };
    }>(
      `MATCH (s:Share {status: 'accepted'}) WHERE s.partnerWorkspaceId = $ws
       MATCH (o:Workspace {id: s.workspaceId}) WHERE o.deletedAt IS NULL
       MATCH (m:Map {id: s.mapId})-[:SHOWS]->(a:Actor {id: $actorId}) WHERE m.workspaceId = s.workspaceId
       RETURN a.id AS id, a.name AS name, a.kind AS kind, a.externalIdsJson AS externalIds, {id: o.id, name: o.name} AS workspace
       LIMIT 1`,
      { ws, actorId },
    );
  },

  async actorInWorkspace(tx: Tx, ws: string, actorId: string) {
    return tx.one<{
      id: string;
      name: string;
      kind: 'person' | 'organization';
      externalIds: string | null;
      workspace: { id: string; name: string };
    }>(
      `MATCH (a:Actor {id: $actorId}) WHERE a.workspaceId = $ws
       MATCH (w:Workspace {id: $ws})
       RETURN a.id AS id, a.name AS name, a.kind AS kind, a.externalIdsJson AS externalIds, {id: w.id, name: w.name} AS workspace`,
      { ws, actorId },
    );
  },

  /**
   * On each map: the actors that are the target (its id, or a stored external id pair found
   * by `fragments`, checked exactly by the caller) and every tie from them to another actor
   * of the same map.
   */
  async ties(
    tx: Tx,
    maps: { id: string; workspaceId: string }[],
    target: string,
    fragments: string[],
    types: readonly string[],
    limit: number,
  ): Promise<ReachRow[]> {
    return tx.query<ReachRow>(
      `UNWIND $maps AS mp
       MATCH (m:Map {id: mp.id}) WHERE m.workspaceId = mp.workspaceId
       MATCH (m)-[:SHOWS]->(t:Actor)
       WHERE t.id = $target OR any(f IN $fragments WHERE t.externalIdsJson CONTAINS f)
       MATCH (t)-[r]-(o:Actor)
       WHERE type(r) IN $types AND o.id <> $target AND EXISTS { (m)-[:SHOWS]->(o) }
       RETURN mp.id AS mapId, t.id AS targetActorId, t.externalIdsJson AS targetExternalIds, r.id AS relationshipId, type(r) AS type,
              r.strength AS strength, r.mutual AS mutual, endNode(r) = t AS towardsTarget,
              {id: o.id, name: o.name, kind: o.kind, roles: coalesce(o.roles, []), power: o.power, alignment: o.alignment} AS other
       ORDER BY coalesce(r.strength, 3) DESC, o.name, r.id
       LIMIT $limit`,
      { maps, target, fragments, types: [...types], limit },
    );
  },
};
