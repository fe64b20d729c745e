import type { Tx } from '../db/gateway.js';
import type { ApiToken, User } from '../domain/auth.js';

const USER = 'u {.id, .email, .name, .createdAt}';
const TOKEN_SCOPE = "t {.id, access: coalesce(t.access, 'write'), .workspaceId, .expiresAt}";
const TOKEN = "t {.id, .name, access: coalesce(t.access, 'write'), .workspaceId, .expiresAt, .createdAt, .lastUsedAt}";

/** What an API token may do; null workspaceId and expiresAt mean all workspaces and never. */
export interface TokenScope {
  id: string;
  access: 'read' | 'write';
  workspaceId: string | null;
  expiresAt: string | null;
}

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
    return (
      await tx.one<{ u: User & { passwordHash: string } }>(
        `MATCH (u:User {email: $email}) RETURN u {.id, .email, .name, .createdAt, .passwordHash} AS u`,
        { email },
      )
    )?.u;
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
    return (
      await tx.one<{ u: User }>(
        `MATCH (s:Session {id: $id}) WHERE s.expiresAt > datetime()
       MATCH (u:User {id: s.userId}) RETURN ${USER} AS u`,
        { id },
      )
    )?.u;
  },

  /** Ends every session of the account; their ids (hashes), to forget cached ones. */
  async deleteSessionsOf(tx: Tx, userId: string): Promise<string[]> {
    const rows = await tx.query<{ id: string }>('MATCH (s:Session {userId: $userId}) WITH s, s.id AS id DELETE s RETURN id', { userId });
    return rows.map((r) => r.id);
  },

  async setPassword(tx: Tx, userId: string, passwordHash: string) {
    await tx.query('MATCH (u:User {id: $userId}) SET u.passwordHash = $passwordHash', { userId, passwordHash });
  },

  async nameOf(tx: Tx, userId: string): Promise<string | null> {
    return (await tx.one<{ name: string }>('MATCH (u:User {id: $id}) RETURN u.name AS name', { id: userId }))?.name ?? null;
  },

  async passwordHashOf(tx: Tx, userId: string): Promise<string | undefined> {
    return (await tx.one<{ hash: string }>('MATCH (u:User {id: $userId}) RETURN u.passwordHash AS hash', { userId }))?.hash;
  },

  /** The account behind a token, and what the token may do; tokens made before scopes could write everywhere. */
  async byToken(tx: Tx, hash: string) {
    return tx.one<{ u: User; t: TokenScope }>(
      `MATCH (t:ApiToken {hash: $hash}) MATCH (u:User {id: t.userId})
       RETURN ${USER} AS u, ${TOKEN_SCOPE} AS t`,
      { hash },
    );
  },

  async touchToken(tx: Tx, hash: string) {
    await tx.query('MATCH (t:ApiToken {hash: $hash}) SET t.lastUsedAt = datetime()', { hash });
  },

  async createToken(
    tx: Tx,
    token: {
      id: string;
      userId: string;
      name: string;
      hash: string;
      access: TokenScope['access'];
      workspaceId: string | null;
      expiresAt: string | null;
    },
  ): Promise<ApiToken> {
    return (await tx.one<{ t: ApiToken }>(
      `CREATE (t:ApiToken {id: $id, userId: $userId, name: $name, hash: $hash, access: $access, workspaceId: $workspaceId,
                           expiresAt: CASE WHEN $expiresAt IS NULL THEN null ELSE datetime($expiresAt) END, createdAt: datetime()})
       RETURN ${TOKEN} AS t`,
      token,
    ))!.t;
  },

  async listTokens(tx: Tx, userId: string): Promise<ApiToken[]> {
    const rows = await tx.query<{ t: ApiToken }>(`MATCH (t:ApiToken {userId: $userId}) RETURN ${TOKEN} AS t ORDER BY t.createdAt`, {
      userId,
    });
    return rows.map((r) => r.t);
  },

  async deleteToken(tx: Tx, userId: string, id: string): Promise<string | undefined> {
    return (
      await tx.one<{ hash: string }>('MATCH (t:ApiToken {id: $id, userId: $userId}) WITH t, t.hash AS hash DELETE t RETURN hash', {
        id,
        userId,
      })
    )?.hash;
  },

  /** Revokes every token of the account; their hashes, to forget cached ones. */
  async deleteTokensOf(tx: Tx, userId: string): Promise<string[]> {
    const rows = await tx.query<{ hash: string }>('MATCH (t:ApiToken {userId: $userId}) WITH t, t.hash AS hash DELETE t RETURN hash', {
      userId,
    });
    return rows.map((r) => r.hash);
  },

  async isMember(tx: Tx, userId: string, workspaceId: string): Promise<boolean> {
    return Boolean(
      await tx.one(
        'MATCH (:User {id: $userId})-[:MEMBER_OF]->(w:Workspace {id: $workspaceId}) WHERE w.deletedAt IS NULL RETURN w.id AS id',
        { userId, workspaceId },
      ),
    );
  },
};
