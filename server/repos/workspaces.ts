import type { Tx } from '../db/gateway.js';
import type { Member, MemberRole, Workspace } from '../domain/workspace.js';

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
    return (await tx.one<{ w: Workspace }>(
      `MATCH (:User {id: $userId})-[m:MEMBER_OF]->(w:Workspace {id: $id}) WHERE w.deletedAt IS NULL RETURN ${WORKSPACE} AS w`,
      { id, userId },
    ))?.w;
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

  async members(tx: Tx, ws: string, origin: string): Promise<Member[]> {
    const rows = await tx.query<{ m: Member & { token?: string } }>(
      `CALL {
         MATCH (u:User)-[m:MEMBER_OF]->(:Workspace {id: $ws})
         RETURN {userId: u.id, email: u.email, name: u.name, role: m.role, status: 'active', token: null} AS m
         UNION ALL
         MATCH (i:Invite {workspaceId: $ws})
         RETURN {userId: null, email: i.email, name: null, role: i.role, status: 'invited', token: i.token} AS m
       }
       RETURN m ORDER BY m.status, m.email`,
      { ws },
    );
    return rows.map(({ m }) => {
      const { token, ...rest } = m;
      return { ...rest, inviteUrl: token ? `${origin}/signup?invite=${token}&email=${encodeURIComponent(m.email)}` : null };
    });
  },

  async roleOf(tx: Tx, ws: string, email: string): Promise<{ role: MemberRole; userId: string } | undefined> {
    return tx.one(`MATCH (u:User {email: $email})-[m:MEMBER_OF]->(:Workspace {id: $ws}) RETURN m.role AS role, u.id AS userId`, { ws, email });
  },

  async ownerCount(tx: Tx, ws: string): Promise<number> {
    return (await tx.one<{ n: number }>(`MATCH (:User)-[m:MEMBER_OF {role: 'owner'}]->(:Workspace {id: $ws}) RETURN count(m) AS n`, { ws }))!.n;
  },
};
