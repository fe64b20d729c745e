import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { installWorkspaceAccess, MembershipCache } from '../auth/access.js';
import { principalPlugin } from '../auth/principal.js';
import { actorRoutes } from './actors.js';
import { analysisRoutes } from './analysis.js';
import { assessmentRoutes } from './assessments.js';
import { coalitionRoutes } from './coalition.js';
import { authRoutes } from './auth.js';
import { batchRoutes } from './batch.js';
import { campaignRoutes } from './campaign.js';
import { demandRoutes } from './demands.js';
import { eventRoutes } from './events.js';
import { exportRoutes } from './export.js';
import { importRoutes } from './import.js';
import { internalFieldRoutes } from './internal-fields.js';
import { inviteRoutes } from './invites.js';
import { graphRoutes } from './graph.js';
import { healthRoutes } from './health.js';
import { historyRoutes } from './history.js';
import { mapLinkRoutes } from './map-links.js';
import { mapRoutes } from './maps.js';
import { publicMapRoutes } from './public-maps.js';
import { relationshipRoutes } from './relationships.js';
import { restoreRoutes } from './restore.js';
import { searchRoutes } from './search.js';
import { sharedMapRoutes } from './shared-maps.js';
import { shareRoutes } from './shares.js';
import { sourceRoutes } from './sources.js';
import { workspaceListRoutes, workspaceRoutes } from './workspaces.js';

/** Every resource plugin, mounted under /api. */
export const apiRoutes: FastifyPluginAsyncZod = async (app) => {
  app.decorate('membershipCache', new MembershipCache());
  await app.register(healthRoutes);
  await app.register(principalPlugin);
  await app.register(authRoutes, { prefix: '/auth' });
  await app.register(workspaceListRoutes);
  await app.register(restoreRoutes);
  await app.register(inviteRoutes);
  await app.register(publicMapRoutes);

  // Everything about one workspace: access is decided once, for the whole scope.
  await app.register(
    async (scope) => {
      installWorkspaceAccess(scope);
      await scope.register(workspaceRoutes);
      await scope.register(actorRoutes);
      await scope.register(relationshipRoutes);
      await scope.register(sourceRoutes);
      await scope.register(demandRoutes);
      await scope.register(campaignRoutes);
      await scope.register(mapRoutes);
      await scope.register(mapLinkRoutes);
      await scope.register(internalFieldRoutes);
      await scope.register(graphRoutes);
      await scope.register(assessmentRoutes);
      await scope.register(searchRoutes);
      await scope.register(historyRoutes);
      await scope.register(batchRoutes);
      await scope.register(eventRoutes);
      await scope.register(exportRoutes);
      await scope.register(importRoutes);
      await scope.register(analysisRoutes, { prefix: '/analysis' });
      await scope.register(shareRoutes);
      await scope.register(sharedMapRoutes);
      await scope.register(coalitionRoutes);
    },
    { prefix: '/workspaces/:ws' },
  );
};
