import { z } from 'zod';
import { id, isoDateTime, longText, version } from './common.js';

export const memberRoles = ['owner', 'editor', 'viewer'] as const;
export type MemberRole = (typeof memberRoles)[number];

/** How much a role may do: a role ranks at least as high as every role it includes. */
export const roleRank: Record<MemberRole, number> = { viewer: 0, editor: 1, owner: 2 };

export const workspaceCreate = z
  .strictObject({ name: z.string().trim().min(1, 'must not be empty').max(200), description: longText.default('') })
  .meta({ id: 'WorkspaceCreate' });
export const workspacePatch = z
  .strictObject({ name: z.string().trim().min(1).max(200).optional(), description: longText.optional(), version: version.optional() })
  .meta({ id: 'WorkspacePatch' });

export const workspace = z
  .object({
    id,
    name: z.string(),
    description: z.string(),
    role: z.enum(memberRoles).describe('Your role in it'),
    version,
    changeSeq: z.number().int().describe('Number of the latest change: the version of its data'),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Workspace' });
export type Workspace = z.infer<typeof workspace>;

/** How long a deleted workspace can be restored by one of its owners. */
export const RESTORE_DAYS = 30;

export const deletedWorkspace = z
  .object({
    id,
    name: z.string(),
    deletedAt: z.string().describe('When it was deleted (ISO 8601)'),
    restorableUntil: z.string().describe(`When it can no longer be restored: ${RESTORE_DAYS} days after the delete`),
  })
  .meta({ id: 'DeletedWorkspace' });
export type DeletedWorkspace = z.infer<typeof deletedWorkspace>;

export const INVITE_DAYS_DEFAULT = 7;
export const INVITE_DAYS_MAX = 30;
const inviteDays = z
  .number()
  .int()
  .min(1, 'must be at least 1 day')
  .max(INVITE_DAYS_MAX, `must be at most ${INVITE_DAYS_MAX} days`)
  .describe(`Days until the link stops working (default ${INVITE_DAYS_DEFAULT})`);

export const pendingInvite = z
  .object({
    expiresAt: isoDateTime,
    expired: z.boolean().describe('The link no longer works: resend it for a new one'),
    invitedBy: z.string().nullable().describe('Name of the owner who sent or last resent it'),
  })
  .meta({ id: 'PendingInvite' });

export const member = z
  .object({
    userId: id.nullable(),
    email: z.string().nullable().describe('Shown to editors and owners; viewers see names only (and their own email)'),
    name: z.string().nullable(),
    role: z.enum(memberRoles),
    status: z.enum(['active', 'invited']),
    inviteUrl: z.string().nullable().describe('Owners only, for a pending invite: the link to pass on (there is no mail server)'),
    invite: pendingInvite.nullable().describe('For a pending invite: when its link expires'),
  })
  .meta({ id: 'Member' });
export type Member = z.infer<typeof member>;

export const memberInvite = z
  .strictObject({
    email: z.email({ message: 'must be an email address' }).max(320),
    role: z.enum(memberRoles),
    expiresInDays: inviteDays.optional(),
  })
  .meta({ id: 'MemberInvite' });
export const memberRoleChange = z.strictObject({ role: z.enum(memberRoles) }).meta({ id: 'MemberRoleChange' });
export const inviteResend = z.strictObject({ expiresInDays: inviteDays.optional() }).meta({ id: 'InviteResend' });
export const memberParams = z.object({ ws: id, email: z.string().max(320) });

/** The secret of an invite link: what the link carries after ?invite=. */
export const inviteToken = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/, 'is not an invite token');
export const inviteParams = z.object({ token: inviteToken });

/** What an invite link's holder may learn before signing up: enough to fill in the form. */
export const inviteDetails = z
  .object({
    email: z.string().describe('The email the invite is for: only an account with it can accept'),
    workspaceName: z.string(),
    role: z.enum(memberRoles),
    invitedBy: z.string().nullable(),
    expiresAt: isoDateTime,
  })
  .meta({ id: 'InviteDetails' });
export type InviteDetails = z.infer<typeof inviteDetails>;
