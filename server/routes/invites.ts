import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireUser } from '../auth/principal.js';
import { inviteDetails as details, inviteParams, workspace } from '../domain/workspace.js';
import { acceptInvite, inviteDetails } from '../services/members.js';
import { errors } from './helpers.js';
import { rateLimited } from '../http/rate-limits.js';

/** An invite link's own routes, outside any workspace: its holder is not a member yet. */
export const inviteRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/invites/:token',
    {
      config: { public: true, ...rateLimited(app, 'publicLookup') },
      schema: {
        tags: ['members'],
        summary: 'What an invite link is for: the invited email and the workspace, so the sign-up page can fill them in',
        description: 'A link that does not work (unknown, expired, used or withdrawn) always answers the same 404.',
        params: inviteParams,
        response: { 200: details, ...errors(400, 404) },
      },
    },
    async (request, reply) => {
      // The answer names an email: no shared cache may keep it.
      reply.header('cache-control', 'no-store');
      return inviteDetails(app.db, request.params.token);
    },
  );

  app.post(
    '/invites/:token/accept',
    {
      schema: {
        tags: ['members'],
        summary: 'Join the workspace an invite link is for, as the signed-in account with the invited email',
        params: inviteParams,
        response: { 200: workspace, ...errors(400, 401, 403, 404, 409, 410) },
      },
    },
    async (request) => acceptInvite(app.db, request.params.token, requireUser(request)),
  );
};
