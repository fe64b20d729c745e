import type { Tx } from '../db/gateway.js';
import { INVITE_DAYS_DEFAULT, type MemberRole } from '../domain/workspace.js';

/** An invite as stored, with what its checks need. */
export interface InviteRow {
  id: string;
  workspaceId: string;
  email: string;
  role: MemberRole;
  token: string;
  expiresAt: string;
  expired: boolean;
  usedAt: string | null;
  revokedAt: string | null;
  /** User id of the owner who sent (or last resent or re-roled) it; null on invites made before that was kept. */
  invitedBy: string | null;
}

// Invites made before links expired carry no expiresAt: they count from their creation.
const EXPIRES = 'coalesce(i.expiresAt, i.createdAt + duration({days: $legacyDays}))';
const INVITE = `i {.id, .workspaceId, .email, .role, .token, .usedAt, .revokedAt, .invitedBy,
  expiresAt: ${EXPIRES}, expired: ${EXPIRES} <= datetime()}`;
const legacyDays = INVITE_DAYS_DEFAULT;

export const invitesRepo = {
  /**
   * The invite a link's token names, whatever its state, with its workspace's name and the
   * inviter's current role there (null once they left). A deleted workspace's invites are gone.
   */
  async byToken(tx: Tx, token: string) {
    return tx.one<{ invite: InviteRow; workspaceName: string; inviterName: string | null; inviterRole: MemberRole | null }>(
      `MATCH (i:Invite {token: $token})
       MATCH (w:Workspace {id: i.workspaceId}) WHERE w.deletedAt IS NULL
       OPTIONAL MATCH (by:User {id: i.invitedBy})
       OPTIONAL MATCH (by)-[bm:MEMBER_OF]->(w)
       RETURN ${INVITE} AS invite, w.name AS workspaceName, by.name AS inviterName, bm.role AS inviterRole`,
      { token, legacyDays },
    );
  },

  /** The invite still waiting for (workspace, email): not used and not revoked, expired or not. */
  async pending(tx: Tx, ws: string, email: string) {
    return (
      await tx.one<{ invite: InviteRow }>(
        `MATCH (i:Invite {workspaceId: $ws, email: $email}) WHERE i.usedAt IS NULL AND i.revokedAt IS NULL
       RETURN ${INVITE} AS invite`,
        { ws, email, legacyDays },
      )
    )?.invite;
  },

  /**
   * A new link for (workspace, email). One invite node per pair: a revoked or used one is
   * reset, so its old token dies with it.
   */
  async issue(tx: Tx, invite: { id: string; ws: string; email: string; role: MemberRole; token: string; days: number; invitedBy: string }) {
    await tx.query(
      `MERGE (i:Invite {workspaceId: $ws, email: $email})
       ON CREATE SET i.id = $id
       SET i.role = $role, i.token = $token, i.invitedBy = $invitedBy, i.createdAt = datetime(),
           i.expiresAt = datetime() + duration({days: $days})
       REMOVE i.usedAt, i.usedBy, i.revokedAt`,
      invite,
    );
  },

  /** A pending invite's new link and expiry: the old link stops working. */
  async renew(tx: Tx, ws: string, email: string, change: { token: string; days: number; invitedBy: string }) {
    await tx.query(
      `MATCH (i:Invite {workspaceId: $ws, email: $email}) WHERE i.usedAt IS NULL AND i.revokedAt IS NULL
       SET i.token = $token, i.invitedBy = $invitedBy, i.expiresAt = datetime() + duration({days: $days})`,
      { ws, email, ...change },
    );
  },

  async setRole(tx: Tx, ws: string, email: string, role: MemberRole, invitedBy: string) {
    await tx.query(
      `MATCH (i:Invite {workspaceId: $ws, email: $email}) WHERE i.usedAt IS NULL AND i.revokedAt IS NULL
       SET i.role = $role, i.invitedBy = $invitedBy`,
      { ws, email, role, invitedBy },
    );
  },

  /** Kept, marked, so its link can say it was withdrawn rather than that it never existed. */
  async revoke(tx: Tx, ws: string, email: string) {
    await tx.query(
      `MATCH (i:Invite {workspaceId: $ws, email: $email}) WHERE i.usedAt IS NULL AND i.revokedAt IS NULL
       SET i.revokedAt = datetime()`,
      { ws, email },
    );
  },

  async markUsed(tx: Tx, id: string, userId: string) {
    await tx.query('MATCH (i:Invite {id: $id}) SET i.usedAt = datetime(), i.usedBy = $userId', { id, userId });
  },

  /** Someone with an account was added directly: an invite still pending for them has no more use. */
  async dropPending(tx: Tx, ws: string, email: string) {
    await tx.query('MATCH (i:Invite {workspaceId: $ws, email: $email}) WHERE i.usedAt IS NULL AND i.revokedAt IS NULL DELETE i', {
      ws,
      email,
    });
  },
};
