import { z } from 'zod';
import { id, isoDateTime, longText, version } from './common.js';

export const memberRoles = ['owner', 'editor', 'viewer'] as const;
export type MemberRole = (typeof memberRoles)[number];

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

export const member = z
  .object({
    userId: id.nullable(),
    email: z.string(),
    name: z.string().nullable(),
    role: z.enum(memberRoles),
    status: z.enum(['active', 'invited']),
    inviteUrl: z.string().nullable().describe('For a pending invite: the link to pass on (there is no mail server)'),
  })
  .meta({ id: 'Member' });
export type Member = z.infer<typeof member>;

export const memberInvite = z
  .strictObject({ email: z.email({ message: 'must be an email address' }).max(320), role: z.enum(memberRoles) })
  .meta({ id: 'MemberInvite' });
export const memberRoleChange = z.strictObject({ role: z.enum(memberRoles) });
export const memberParams = z.object({ ws: id, email: z.string().max(320) });
