import { createHash, randomBytes } from 'node:crypto';

/** A random credential to hand out once; only its hash is stored. */
export const newSecret = (prefix = '') => `${prefix}${randomBytes(24).toString('base64url')}`;
export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');
