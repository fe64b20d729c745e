import { z } from 'zod';
import { id, isoDateTime } from './common.js';

export const PASSWORD_MIN = 10;

const email = z.email({ message: 'must be an email address' }).max(320).transform((e) => e.toLowerCase());

export const signup = z
  .strictObject({
    email,
    password: z.string().min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`).max(200),
    name: z.string().trim().min(1, 'must not be empty').max(200),
    invite: z.string().max(200).optional().describe('Invite token from an invite link'),
  })
  .meta({ id: 'Signup' });
export const login = z.strictObject({ email, password: z.string().min(1).max(200) }).meta({ id: 'Login' });

export const user = z
  .object({ id, email: z.string(), name: z.string(), createdAt: isoDateTime })
  .meta({ id: 'User' });
export type User = z.infer<typeof user>;

export const tokenCreate = z.strictObject({ name: z.string().trim().min(1).max(100) }).meta({ id: 'TokenCreate' });
export const apiToken = z
  .object({ id, name: z.string(), createdAt: isoDateTime, lastUsedAt: isoDateTime.nullable() })
  .meta({ id: 'ApiToken' });
export const apiTokenCreated = apiToken.extend({ token: z.string().describe('Shown once; send as Authorization: Bearer') });
