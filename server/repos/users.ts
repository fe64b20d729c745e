import type { Tx } from '../db/gateway.js';
import type { User } from '../domain/auth.js';

const USER = 'u {.id, .email, .name, .createdAt}';

export const usersRepo = {
  async create(tx: Tx, user: { id: string; email: string; name: string; passwordHash: string }): Promise<User> {
    const row = await tx.one<{ u: User }>(
      `CREATE (u:User {id: $id, email: $email, name: $name, passwordHash: $passwordHash, createdAt: datetime()})
       RETURN ${USER} AS u`,
      user,
    );
    return row!.u;
  },

  async byEmail(tx: Tx, email: string) {
    return (await tx.one<{ u: User & { passwordHash: string } }>(
      `MATCH (u:User {email: $email}) RETURN u {.id, .email, .name, .createdAt, .passwordHash} AS u`,
      { email },
    ))?.u;
  },

  async createSession(tx: Tx, session: { id: string; userId: string; ttlDays: number }) {
    await tx.query(
      `CREATE (:Session {id: $id, userId: $userId, createdAt: datetime(), expiresAt: datetime() + duration({days: $ttlDays})})`,
      session,
    );
  },

  async deleteSession(tx: Tx, id: string) {
    await tx.query('MATCH (s:Session {id: $id}) DELETE s', { id });
  },

  async bySession(tx: Tx, id: string) {
    return (await tx.one<{ u: User }>(
      `MATCH (s:Session {id: $id}) WHERE s.expiresAt > datetime()
       MATCH (u:User {id: s.userId}) RETURN ${USER} AS u`,
      { id },
    ))?.u;
  },

  async byToken(tx: Tx, hash: string) {
    return (await tx.one<{ u: User }>(
      `MATCH (t:ApiToken {hash: $hash}) MATCH (u:User {id: t.userId}) RETURN ${USER} AS u`,
      { hash },
    ))?.u;
  },

  async touchToken(tx: Tx, hash: string) {
    await tx.query('MATCH (t:ApiToken {hash: $hash}) SET t.lastUsedAt = datetime()', { hash });
  },

  async createToken(tx: Tx, token: { id: string; userId: string; name: string; hash: string }) {
    return (await tx.one<{ t: { id: string; name: string; createdAt: string; lastUsedAt: string | null } }>(
      `CREATE (t:ApiToken {id: $id, userId: $userId, name: $name, hash: $hash, createdAt: datetime()})
       RETURN t {.id, .name, .createdAt, .lastUsedAt} AS t`,
      token,
    ))!.t;
  },

  async listTokens(tx: Tx, userId: string) {
    const rows = await tx.query<{ t: { id: string; name: string; createdAt: string; lastUsedAt: string | null } }>(
      `MATCH (t:ApiToken {userId: $userId}) RETURN t {.id, .name, .createdAt, .lastUsedAt} AS t ORDER BY t.createdAt`,
      { userId },
    );
    return rows.map((r) => r.t);
  },

  async deleteToken(tx: Tx, userId: string, id: string): Promise<string | undefined> {
    return (await tx.one<{ hash: string }>(
      'MATCH (t:ApiToken {id: $id, userId: $userId}) WITH t, t.hash AS hash DELETE t RETURN hash',
      { id, userId },
    ))?.hash;
  },
};
