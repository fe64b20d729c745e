import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { MemberRole } from '../domain/workspace.js';
import { forbidden, notFound, unauthorized } from '../http/problem.js';
import { TtlCache } from './ttl-cache.js';

/** What a route needs: to read, to write, or to administer (owner). */
export type Access = 'read' | 'write' | 'owner';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Overrides the default (GET and HEAD read; other methods write). */
    access?: Access;
  }
  interface FastifyRequest {
    workspace: { id: string; role: MemberRole };
  }
  interface FastifyInstance {
    membershipCache: TtlCache<string, MemberRole | null>;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const allowed: Record<Access, MemberRole[]> = {
  read: ['owner', 'editor', 'viewer'],
  write: ['owner', 'editor'],
  owner: ['owner'],
};

export function requiredAccess(request: FastifyRequest): Access {
  return request.routeOptions.config.access ?? (request.method === 'GET' || request.method === 'HEAD' ? 'read' : 'write');
}

/**
 * The one place that decides access to everything under /api/workspaces/:ws. Registered as
 * an onRequest hook on that scope, so no route inside it can skip the check. A workspace
 * the caller does not belong to answers 404, exactly as one that does not exist.
 */
export function installWorkspaceAccess(scope: FastifyInstance) {
  scope.decorateRequest('workspace', null as never);
  scope.addHook('onRequest', async (request) => {
    if (!request.user) throw unauthorized();
    const wsId = (request.params as { ws?: string }).ws ?? '';
    if (!UUID.test(wsId)) throw notFound('Workspace');
    const role = await scope.membershipCache.getOrLoad(`${request.user.id}:${wsId}`, async () => {
      const row = await scope.db.read((tx) =>
        tx.one<{ role: MemberRole }>(
          'MATCH (:User {id: $userId})-[m:MEMBER_OF]->(w:Workspace {id: $wsId}) WHERE w.deletedAt IS NULL RETURN m.role AS role',
          { userId: request.user!.id, wsId },
        ),
      );
      return row?.role ?? null;
    });
    if (!role) throw notFound('Workspace');
    const need = requiredAccess(request);
    if (!allowed[need].includes(role)) {
      throw forbidden(
        need === 'owner'
          ? 'Only an owner of this workspace can do that.'
          : 'You can view this workspace but not change it: ask an owner to make you an editor.',
      );
    }
    request.workspace = { id: wsId, role };
  });
}

/** Forget cached roles for a workspace after its membership changed. */
export function forgetMemberships(app: FastifyInstance, wsId: string) {
  app.membershipCache.deleteWhere((key) => key.endsWith(`:${wsId}`));
}
