import { randomUUID } from 'node:crypto';
import type { Gateway, Tx } from '../db/gateway.js';
import { INVITE_DAYS_DEFAULT, roleRank, type InviteDetails, type Member, type MemberRole, type Workspace } from '../domain/workspace.js';
import { newSecret } from '../auth/secrets.js';
import { DomainError, Gone, NotFound, conflict, forbidden, notFound } from '../domain/errors.js';
import { invitesRepo, type InviteRow } from '../repos/invites.js';
import { workspacesRepo, type MemberRow } from '../repos/workspaces.js';

/** Who is asking, with their role in the workspace the request is about. */
export interface Caller {
  id: string;
  email: string;
  role: MemberRole;
}

const gone = (detail: string) => new Gone(detail);
const dateOf = (iso: string) => iso.slice(0, 10);

// One answer for every link that does not work, wherever the caller cannot be told more.
const INVALID_LINK =
  'This invite link is not valid: it may have expired, been used or been withdrawn. Ask the person who invited you for a new link.';
const UNKNOWN_LINK = 'This invite link is not valid: check that you copied all of it, or ask the person who invited you for a new link.';

/** Every membership change starts here: under the workspace's write lock, one at a time. */
async function lock(tx: Tx, ws: string) {
  if (!(await workspacesRepo.lockMembers(tx, ws))) throw notFound('Workspace');
}

/**
 * Takes the lock, then reads the caller's role again under it: two owners removing each
 * other at once must not both succeed on the strength of roles read before either committed.
 */
async function lockAs(tx: Tx, ws: string, caller: Caller, need: MemberRole): Promise<Caller> {
  await lock(tx, ws);
  const role = await workspacesRepo.roleOfUser(tx, ws, caller.id);
  if (!role) throw notFound('Workspace');
  if (roleRank[role] < roleRank[need])
    throw forbidden(need === 'owner' ? 'Only an owner of this workspace can do that.' : 'Your role in this workspace does not allow that.');
  return { ...caller, role };
}

/** The rule that keeps every workspace administrable. Call it with the lock held. */
async function keepAnOwner(tx: Tx, ws: string, email: string, nextRole: MemberRole | null) {
  const current = await workspacesRepo.roleOf(tx, ws, email);
  if (current?.role === 'owner' && nextRole !== 'owner' && (await workspacesRepo.ownerCount(tx, ws)) <= 1) {
    throw conflict('This is the workspace’s last owner: make someone else an owner first.');
  }
  return current;
}

function neverAbove(caller: Caller, role: MemberRole) {
  if (roleRank[role] > roleRank[caller.role])
    throw forbidden(
      `You are ${caller.role === 'editor' ? 'an' : 'a'} ${caller.role} here, so you cannot make anyone ${role === 'owner' ? 'an' : 'a'} ${role}.`,
    );
}

/**
 * What each role may see of the members: owners everything, including the links of pending
 * invites (the link is the invite's only proof, so it is for owners alone); editors the
 * emails; viewers the names, and their own email.
 */
function shown(row: MemberRow, caller: Caller, origin: string): Member {
  const own = row.userId === caller.id;
  const emails = caller.role !== 'viewer' || own;
  return {
    userId: row.userId,
    email: emails ? row.email : null,
    name: row.name,
    role: row.role,
    status: row.status,
    inviteUrl: row.invite && caller.role === 'owner' ? `${origin}/signup?invite=${row.invite.token}` : null,
    invite: row.invite ? { expiresAt: row.invite.expiresAt, expired: row.invite.expired, invitedBy: row.invite.invitedBy } : null,
  };
}

async function memberAfter(db: Gateway, ws: string, email: string, caller: Caller, origin: string): Promise<Member> {
  const rows = await db.read((tx) => workspacesRepo.members(tx, ws));
  const row = rows.find((m) => m.email === email);
  if (!row) throw notFound('Member');
  return shown(row, caller, origin);
}

export async function listMembers(db: Gateway, ws: string, caller: Caller, origin: string): Promise<Member[]> {
  const rows = await db.read((tx) => workspacesRepo.members(tx, ws));
  return rows.map((row) => shown(row, caller, origin));
}

/** Adds an account by its email at once, or invites an email that has no account yet. */
export async function addMember(
  db: Gateway,
  ws: string,
  caller: Caller,
  body: { email: string; role: MemberRole; expiresInDays?: number | undefined },
  origin: string,
): Promise<Member> {
  const email = body.email.toLowerCase();
  await db.write(async (tx) => {
    const me = await lockAs(tx, ws, caller, 'owner');
    neverAbove(me, body.role);
    if (await workspacesRepo.roleOf(tx, ws, email)) throw conflict(`${email} is already a member.`);
    if (await workspacesRepo.addByEmail(tx, ws, email, body.role)) {
      await invitesRepo.dropPending(tx, ws, email);
      return;
    }
    if (await invitesRepo.pending(tx, ws, email)) {
      throw conflict(`${email} already has a pending invite: change its role, or resend it for a new link.`);
    }
    await invitesRepo.issue(tx, {
      id: randomUUID(),
      ws,
      email,
      role: body.role,
      token: newSecret(),
      days: body.expiresInDays ?? INVITE_DAYS_DEFAULT,
      invitedBy: me.id,
    });
  });
  return memberAfter(db, ws, email, caller, origin);
}

export async function changeRole(
  db: Gateway,
  ws: string,
  caller: Caller,
  rawEmail: string,
  role: MemberRole,
  origin: string,
): Promise<Member> {
  const email = rawEmail.toLowerCase();
  await db.write(async (tx) => {
    const me = await lockAs(tx, ws, caller, 'owner');
    neverAbove(me, role);
    if (await keepAnOwner(tx, ws, email, role)) return workspacesRepo.setRole(tx, ws, email, role);
    if (!(await invitesRepo.pending(tx, ws, email))) throw notFound('Member');
    // Whoever sets an invite's role vouches for it: the role is checked against theirs when claimed.
    await invitesRepo.setRole(tx, ws, email, role, me.id);
  });
  return memberAfter(db, ws, email, caller, origin);
}

/** Removes a member (owners; anyone may leave) or withdraws a pending invite (owners). */
export async function removeMember(db: Gateway, ws: string, caller: Caller, rawEmail: string) {
  const email = rawEmail.toLowerCase();
  const self = email === caller.email.toLowerCase();
  if (!self && caller.role !== 'owner') throw forbidden('Only an owner can remove another member.');
  await db.write(async (tx) => {
    const me = await lockAs(tx, ws, caller, 'viewer');
    if (!self && me.role !== 'owner') throw forbidden('Only an owner can remove another member.');
    if (await keepAnOwner(tx, ws, email, null)) return workspacesRepo.remove(tx, ws, email);
    if (!(await invitesRepo.pending(tx, ws, email))) throw notFound('Member');
    await invitesRepo.revoke(tx, ws, email);
  });
}

/** A new link and a new expiry for a pending invite; the old link stops working. */
export async function resendInvite(
  db: Gateway,
  ws: string,
  caller: Caller,
  rawEmail: string,
  days: number | undefined,
  origin: string,
): Promise<Member> {
  const email = rawEmail.toLowerCase();
  await db.write(async (tx) => {
    const me = await lockAs(tx, ws, caller, 'owner');
    const invite = await invitesRepo.pending(tx, ws, email);
    if (!invite) throw notFound('Pending invite');
    neverAbove(me, invite.role);
    await invitesRepo.renew(tx, ws, email, { token: newSecret(), days: days ?? INVITE_DAYS_DEFAULT, invitedBy: me.id });
  });
  return memberAfter(db, ws, email, caller, origin);
}

/** What the sign-up page may show from a link; every link that does not work gets the same 404. */
export async function inviteDetails(db: Gateway, token: string): Promise<InviteDetails> {
  const found = await db.read((tx) => invitesRepo.byToken(tx, token));
  if (!found || refusal(found.invite, found.inviterRole, found.workspaceName)) throw new NotFound(INVALID_LINK);
  return {
    email: found.invite.email,
    workspaceName: found.workspaceName,
    role: effectiveRole(found.invite, found.inviterRole),
    invitedBy: found.inviterName,
    expiresAt: found.invite.expiresAt,
  };
}

/** Why a link no longer works, said so that its holder knows what to do; null while it works. */
function refusal(invite: InviteRow, inviterRole: MemberRole | null, workspaceName: string): DomainError | null {
  if (invite.revokedAt)
    return gone(
      `This invite to ${workspaceName} was withdrawn by an owner of the workspace. Ask them for a new link if you should still join.`,
    );
  if (invite.usedAt)
    return gone(
      `This invite link to ${workspaceName} has already been used: each link works once. Sign in with the invited email, or ask for a new link.`,
    );
  if (invite.expired)
    return gone(
      `This invite link to ${workspaceName} expired on ${dateOf(invite.expiresAt)}. Ask the person who invited you for a new link.`,
    );
  // The person who vouched for the invite has left: it no longer stands.
  if (invite.invitedBy && !inviterRole)
    return gone(
      `This invite to ${workspaceName} was withdrawn: the person who sent it is no longer a member. Ask an owner for a new link.`,
    );
  return null;
}

/** What the owner chose, but never more than the inviter holds now. */
function effectiveRole(invite: InviteRow, inviterRole: MemberRole | null): MemberRole {
  return inviterRole && roleRank[inviterRole] < roleRank[invite.role] ? inviterRole : invite.role;
}

/**
 * Turns an invite into a membership, inside the caller's transaction (the sign-up's, so an
 * account and its membership are made together or not at all). The link is the proof until
 * email delivery exists: it must be valid and the account's email the invited one.
 */
export async function claimInvite(
  tx: Tx,
  token: string,
  user: { id: string; email: string },
): Promise<{ workspaceId: string; role: MemberRole }> {
  const first = await invitesRepo.byToken(tx, token);
  if (!first) throw new NotFound(UNKNOWN_LINK);
  await lock(tx, first.invite.workspaceId);
  // Read again under the lock: a resend, revocation or use may have committed meanwhile.
  const found = await invitesRepo.byToken(tx, token);
  if (!found) throw new NotFound(UNKNOWN_LINK);
  const { invite, inviterRole, workspaceName } = found;
  const refused = refusal(invite, inviterRole, workspaceName);
  if (refused) throw refused;
  if (invite.email !== user.email.toLowerCase()) {
    throw forbidden(
      `This invite to ${workspaceName} is for ${invite.email}: sign up or sign in with that email, or ask for an invite to yours.`,
    );
  }
  const existing = await workspacesRepo.roleOf(tx, invite.workspaceId, invite.email);
  if (existing) throw conflict(`You are already a member of ${workspaceName} (as ${existing.role}).`);
  const role = effectiveRole(invite, inviterRole);
  await workspacesRepo.addUser(tx, invite.workspaceId, user.id, role);
  await invitesRepo.markUsed(tx, invite.id, user.id);
  return { workspaceId: invite.workspaceId, role };
}

/** A signed-in account accepts an invite made for its email. */
export async function acceptInvite(db: Gateway, token: string, user: { id: string; email: string }): Promise<Workspace> {
  return db.write(async (tx) => {
    const { workspaceId } = await claimInvite(tx, token, user);
    return (await workspacesRepo.get(tx, workspaceId, user.id))!;
  });
}
