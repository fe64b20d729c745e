import { z } from 'zod';
import { id, isoDateTime } from './common.js';

export const PASSWORD_MIN = 10;

const email = z
  .email({ message: 'must be an email address' })
  .max(320)
  .transform((e) => e.toLowerCase());

export const signup = z
  .strictObject({
    email,
    password: z.string().min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`).max(200),
    name: z.string().trim().min(1, 'must not be empty').max(200),
    invite: z.string().max(200).optional().describe('Invite token from an invite link'),
  })
  .meta({ id: 'Signup' });
export const login = z.strictObject({ email, password: z.string().min(1).max(200) }).meta({ id: 'Login' });

export const user = z.object({ id, email: z.string(), name: z.string(), createdAt: isoDateTime }).meta({ id: 'User' });
export type User = z.infer<typeof user>;

export const tokenAccess = z
  .enum(['read', 'write'])
  .describe('read: GET requests only; write: also changes, within what your role in each workspace allows')
  .meta({ id: 'TokenAccess' });

/** A year at most: a forgotten script's token should not outlive the campaign by much. */
export const TOKEN_MAX_DAYS = 366;

export const tokenCreate = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    access: tokenAccess.default('write'),
    workspaceId: id.nullable().default(null).describe('The one workspace the token may reach; null (the default) for all of yours'),
    expiresAt: isoDateTime
      .nullable()
      .default(null)
      .refine((at) => at === null || Date.parse(at) > Date.now(), 'must be in the future')
      .refine((at) => at === null || Date.parse(at) <= Date.now() + TOKEN_MAX_DAYS * 86_400_000, `must be within ${TOKEN_MAX_DAYS} days`)
      .describe('When the token stops working; null (the default) for never'),
  })
  .meta({ id: 'TokenCreate' });
export type TokenCreate = z.input<typeof tokenCreate>;

export const apiToken = z
  .object({
    id,
    name: z.string(),
    access: tokenAccess,
    workspaceId: id.nullable(),
    expiresAt: isoDateTime.nullable(),
    createdAt: isoDateTime,
    lastUsedAt: isoDateTime.nullable(),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof apiToken>;
export const apiTokenCreated = apiToken
  .extend({ token: z.string().describe('Shown once; send as Authorization: Bearer') })
  .meta({ id: 'ApiTokenCreated' });

export const passwordChange = z
  .strictObject({
    currentPassword: z.string().min(1, 'must not be empty').max(200),
    newPassword: z.string().min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`).max(200),
  })
  .refine((body) => body.currentPassword !== body.newPassword, { path: ['newPassword'], message: 'must differ from the current password' })
  .meta({ id: 'PasswordChange' });
