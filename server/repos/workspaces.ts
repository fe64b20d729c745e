import type { Tx } from '../db/gateway.js';
import { INVITE_DAYS_DEFAULT, RESTORE_DAYS, type DeletedWorkspace, type MemberRole, type Workspace } from '../domain/workspace.js';

const WORKSPACE = 'w {.id, .name, .description, .version, .changeSeq, .createdAt, .updatedAt, role: m.role}';

export const workspacesRepo = {
  async create(tx: Tx, ws: { id: string; name: string; description: string }, userId: string): Promise<Workspace> {
    return (await tx.one<{ w: Workspace }>(
      `MATCH (u:User {id: $userId})
       CREATE (w:Workspace {id: $id, name: $name, description: $description, version: 1, changeSeq: 0,
                            createdAt: datetime(), updatedAt: datetime()})
       CREATE (u)-[m:MEMBER_OF {role: 'owner', since: datetime()}]->(w)
       RETURN ${WORKSPACE} AS w`,
      { ...ws, userId },
    ))!.w;
  },

  async mine(tx: Tx, userId: string): Promise<Workspace[]> {
    const rows = await tx.query<{ w: Workspace }>(
      `MATCH (:User {id: $userId})-[m:MEMBER_OF]->(w:Workspace) WHERE w.deletedAt IS NULL
       RETURN ${WORKSPACE} AS w ORDER BY toLower(w.name), w.id`,
      { userId },
    );
    return rows.map((r) => r.w);
  },

  async get(tx: Tx, id: string, userId: string): Promise<Workspace | undefined> {
    return (
      await tx.one<{ w: Workspace }>(
        `MATCH (:User {id: $userId})-[m:MEMBER_OF]->(w:Workspace {id: $id}) WHERE w.deletedAt IS NULL RETURN ${WORKSPACE} AS w`,
        { id, userId },
      )
    )?.w;
  },

  async update(tx: Tx, id: string, userId: string, fields: { name?: string | undefined; description?: string | undefined }) {
    return (await tx.one<{ w: Workspace }>(
      `MATCH (:User {id: $userId})-[m:MEMBER_OF]->(w:Workspace {id: $id})
       SET w.name = coalesce($name, w.name), w.description = coalesce($description, w.description),
           w.version = w.version + 1, w.updatedAt = datetime()
       RETURN ${WORKSPACE} AS w`,
      { id, userId, name: fields.name ?? null, description: fields.description ?? null },
    ))!.w;
  },

  async softDelete(tx: Tx, id: string) {
    await tx.query('MATCH (w:Workspace {id: $id}) SET w.deletedAt = datetime()', { id });
  },

  /** Workspaces this account owned that were deleted less than RESTORE_DAYS ago, newest first. */
  async deletedOwnedBy(tx: Tx, userId: string): Promise<DeletedWorkspace[]> {
    return (
      await tx.query<{ w: DeletedWorkspace }>(
        `MATCH (:User {id: $userId})-[m:MEMBER_OF {role: 'owner'}]->(w:Workspace)
         WHERE w.deletedAt IS NOT NULL AND w.deletedAt > datetime() - duration({days: $days})
         RETURN {id: w.id, name: w.name, deletedAt: toString(w.deletedAt),
                 restorableUntil: toString(w.deletedAt + duration({days: $days}))} AS w
         ORDER BY w.deletedAt DESC`,
        { userId, days: RESTORE_DAYS },
      )
    ).map((r) => r.w);
  },

  /** Undoes a delete, for an owner within RESTORE_DAYS; undefined when there is nothing of theirs to restore. */
  async restore(tx: Tx, id: string, userId: string): Promise<Workspace | undefined> {
    return (
      await tx.one<{ w: Workspace }>(
        `MATCH (:User {id: $userId})-[m:MEMBER_OF {role: 'owner'}]->(w:Workspace {id: $id})
         WHERE w.deletedAt IS NOT NULL AND w.deletedAt > datetime() - duration({days: $days})
         REMOVE w.deletedAt
         SET w.updatedAt = datetime()
         RETURN ${WORKSPACE} AS w`,
        { id, userId, days: RESTORE_DAYS },
      )
    )?.w;
  },

  /**
   * The workspace's write lock, the node lock every data write takes (services/changes.ts),
   * so membership changes are serialised with each other and with writes. It bumps a
   * counter of its own: the change number is the data's version and stays untouched.
   */
  async lockMembers(tx: Tx, ws: string): Promise<boolean> {
    const row = await tx.one(
      `MATCH (w:Workspace {id: $ws}) WHERE w.deletedAt IS NULL
       SET w.membersVersion = coalesce(w.membersVersion, 0) + 1 RETURN w.id AS id`,
      { ws },
    );
    return row !== undefined;
  },

  /** Active members and pending invites, everything included: the service decides who sees what. */
  async members(tx: Tx, ws: string): Promise<MemberRow[]> {
    const rows = await tx.query<{ m: MemberRow }>(
      `CALL {
         MATCH (u:User)-[m:MEMBER_OF]->(:Workspace {id: $ws})
         RETURN {userId: u.id, email: u.email, name: u.name, role: m.role, status: 'active', invite: null} AS m
         UNION ALL
         MATCH (i:Invite {workspaceId: $ws}) WHERE i.usedAt IS NULL AND i.revokedAt IS NULL
         OPTIONAL MATCH (by:User {id: i.invitedBy})
         WITH i, by, coalesce(i.expiresAt, i.createdAt + duration({days: $legacyDays})) AS expiresAt
         RETURN {userId: null, email: i.email, name: null, role: i.role, status: 'invited',
                 invite: {token: i.token, expiresAt: expiresAt, expired: expiresAt <= datetime(), invitedBy: by.name}} AS m
       }
       RETURN m ORDER BY m.status, toLower(coalesce(m.name, m.email)), m.email`,
      { ws, legacyDays: INVITE_DAYS_DEFAULT },
    );
    return rows.map((r) => r.m);
  },

  async roleOf(tx: Tx, ws: string, email: string): Promise<{ role: MemberRole; userId: string } | undefined> {
    return tx.one(`MATCH (u:User {email: $email})-[m:MEMBER_OF]->(:Workspace {id: $ws}) RETURN m.role AS role, u.id AS userId`, {
      ws,
      email,
    });
  },

  /** A user's role in a live workspace (none in a deleted one): what every request is checked against. */
  async roleOfUser(tx: Tx, ws: string, userId: string): Promise<MemberRole | undefined> {
    return (
      await tx.one<{ role: MemberRole }>(
        'MATCH (:User {id: $userId})-[m:MEMBER_OF]->(w:Workspace {id: $ws}) WHERE w.deletedAt IS NULL RETURN m.role AS role',
        { ws, userId },
      )
    )?.role;
  },

  /** Workspaces in the database, deleted ones included. */
  async count(tx: Tx): Promise<number> {
    return (await tx.one<{ n: number }>('MATCH (w:Workspace) RETURN count(w) AS n'))?.n ?? 0;
  },

  async ownerCount(tx: Tx, ws: string): Promise<number> {
    return (await tx.one<{ n: number }>(`MATCH (:User)-[m:MEMBER_OF {role: 'owner'}]->(:Workspace {id: $ws}) RETURN count(m) AS n`, {
      ws,
    }))!.n;
  },

  /** Makes the account with this email a member; undefined when no account has it. */
  async addByEmail(tx: Tx, ws: string, email: string, role: MemberRole): Promise<string | undefined> {
    return (
      await tx.one<{ id: string }>(
        `MATCH (u:User {email: $email}) MATCH (w:Workspace {id: $ws})
       CREATE (u)-[:MEMBER_OF {role: $role, since: datetime()}]->(w) RETURN u.id AS id`,
        { ws, email, role },
      )
    )?.id;
  },

  async addUser(tx: Tx, ws: string, userId: string, role: MemberRole) {
    await tx.query(
      `MATCH (u:User {id: $userId}) MATCH (w:Workspace {id: $ws})
       MERGE (u)-[m:MEMBER_OF]->(w) ON CREATE SET m.role = $role, m.since = datetime()`,
      { ws, userId, role },
    );
  },

  async setRole(tx: Tx, ws: string, email: string, role: MemberRole) {
    await tx.query('MATCH (:User {email: $email})-[m:MEMBER_OF]->(:Workspace {id: $ws}) SET m.role = $role', { ws, email, role });
  },

  async remove(tx: Tx, ws: string, email: string) {
    await tx.query('MATCH (:User {email: $email})-[m:MEMBER_OF]->(:Workspace {id: $ws}) DELETE m', { ws, email });
  },

  /**
   * What a live stream's poll needs in one read: the latest change number, whether the
   * workspace is gone, and which of the watching accounts are still members.
   */
  async feedHead(tx: Tx, ws: string, userIds: string[]) {
    return tx.one<{ seq: number; deleted: boolean; members: string[] }>(
      `MATCH (w:Workspace {id: $ws})
       RETURN coalesce(w.changeSeq, 0) AS seq, w.deletedAt IS NOT NULL AS deleted,
              [uid IN $userIds WHERE EXISTS { (:User {id: uid})-[:MEMBER_OF]->(w) }] AS members`,
      { ws, userIds },
    );
  },
};

/** A member or a pending invite as stored, before the service decides what the caller may see. */
export interface MemberRow {
  userId: string | null;
  email: string;
  name: string | null;
  role: MemberRole;
  status: 'active' | 'invited';
  invite: { token: string; expiresAt: string; expired: boolean; invitedBy: string | null } | null;
}
