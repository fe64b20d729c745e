import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { installWorkspaceAccess } from '../auth/access.js';
import { principalPlugin } from '../auth/principal.js';
import { TtlCache } from '../auth/ttl-cache.js';
import type { MemberRole } from '../domain/workspace.js';
import { healthRoutes } from './health.js';

/** Every resource plugin, mounted under /api. */
export const apiRoutes: FastifyPluginAsyncZod = async (app) => {
  app.decorate('membershipCache', new TtlCache<string, MemberRole | null>(5_000, 50_000));
  await app.register(healthRoutes);
  await app.register(principalPlugin);

  // Everything about one workspace: access is decided once, for the whole scope.
  await app.register(
    async (scope) => {
      installWorkspaceAccess(scope);
    },
    { prefix: '/workspaces/:ws' },
  );
};
