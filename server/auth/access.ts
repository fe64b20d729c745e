import { Forbidden, NotFound, Unauthorized } from '../domain/errors.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { MemberRole } from '../domain/workspace.js';
import { workspacesRepo } from '../repos/workspaces.js';

/** What a route needs: to read, to write, or to administer (owner). */
export type Access = 'read' | 'write' | 'owner';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Overrides the default (GET and HEAD read; other methods write). */
    access?: Access;
    /** Always ask the database: for long-lived answers (event streams), where a second's stale role would outlive the removal. */
    freshAccess?: boolean;
  }
  interface FastifyRequest {
    workspace: { id: string; role: MemberRole };
  }
  interface FastifyInstance {
    membershipCache: MembershipCache;
  }
}

/**
 * Roles seen a moment ago, for reads only. Several API instances share one database, and
 * a removal on one cannot evict another's cache, so: writes (any method but GET and HEAD)
 * always ask the database, and a removed member or a demoted editor cannot write anywhere
 * once that change commits; reads may reuse a role for READ_TTL_MS; "not a member" is
 * never kept, so someone just added gets in at once. Measured on a loaded 2-core machine, the check costs 3–6 ms: about a tenth of
 * a small write (35–85 ms), but half again a cheap GET (6–16 ms), hence this second for reads.
 */
export class MembershipCache {
  private readonly entries = new Map<string, { role: MemberRole; expires: number }>();

  constructor(
    private readonly ttlMs = READ_TTL_MS,
    private readonly maxEntries = 50_000,
  ) {}

  get(key: string): MemberRole | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.expires > Date.now()) return hit.role;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, role: MemberRole | undefined) {
    if (!role) {
      this.entries.delete(key);
      return;
    }
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { role, expires: Date.now() + this.ttlMs });
  }

  deleteWhere(predicate: (key: string) => boolean) {
    for (const key of this.entries.keys()) if (predicate(key)) this.entries.delete(key);
  }
}

const READ_TTL_MS = 1_000;
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
    if (!request.user) throw new Unauthorized();
    const wsId = (request.params as { ws?: string }).ws ?? '';
    if (!UUID.test(wsId)) throw new NotFound('Workspace was not found.');
    const need = requiredAccess(request);
    const key = `${request.user.id}:${wsId}`;
    const cacheable =
      need === 'read' && (request.method === 'GET' || request.method === 'HEAD') && !request.routeOptions.config.freshAccess;
    let role = cacheable ? scope.membershipCache.get(key) : undefined;
    if (!role) {
      const userId = request.user.id;
      role = await scope.db.read((tx) => workspacesRepo.roleOfUser(tx, wsId, userId), 'access');
      scope.membershipCache.set(key, role);
    }
    if (!role) throw new NotFound('Workspace was not found.');
    if (!allowed[need].includes(role)) {
      throw new Forbidden(
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
