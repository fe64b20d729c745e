import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, wsParams } from '../domain/common.js';
import { incomingParams, incomingShare, mapShares, outgoingShare, share, shareCreate, shareParams } from '../domain/share.js';
import { requireUser } from '../auth/principal.js';
import { sharesRepo } from '../repos/shares.js';
import { mapShares as loadMapShares, offerShare, respondToShare, revokeShare } from '../services/shares.js';
import { errors, noContent, writeErrors } from './helpers.js';

const tags = ['shares'];

/** The offering side: an owner offers one map to a partner workspace, lists and revokes. */
export const shareRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/maps/:id/shares',
    {
      config: { access: 'owner' },
      schema: {
        tags,
        summary: 'Offer this map to a partner workspace, to read or to edit (owners); the partner’s owner accepts it',
        description:
          'A second offer to the same partner is refused with 409 and the existing share: revoke it and offer again to change its access.',
        params: idParams,
        body: shareCreate,
        response: { 201: share, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await offerShare(app.db, request.params.ws, request.params.id, request.body, requireUser(request))),
  );

  app.get(
    '/maps/:id/shares',
    {
      schema: {
        tags,
        summary: 'Who this map is shared with, and which of its actors and ties partners added',
        params: idParams,
        response: { 200: mapShares, ...errors(400, 401, 404) },
      },
    },
    async (request) => loadMapShares(app.db, request.params.ws, request.params.id),
  );

  app.get(
    '/shares',
    {
      schema: {
        tags,
        summary: 'Every map this workspace shares, with whom, and whether they accepted',
        params: wsParams,
        response: { 200: z.object({ items: z.array(outgoingShare) }), ...errors(400, 401, 404) },
      },
    },
    async (request) => ({ items: await app.db.read((tx) => sharesRepo.outgoing(tx, request.params.ws)) }),
  );

  app.delete(
    '/maps/:id/shares/:shareId',
    {
      config: { access: 'owner' },
      schema: {
        tags,
        summary: 'Revoke a share (owners): the partner loses the map at once',
        params: shareParams,
        response: { 204: noContent, ...writeErrors },
      },
    },
    async (request, reply) => {
      await revokeShare(app.db, request.params.ws, request.params.id, request.params.shareId);
      return reply.code(204).send(null);
    },
  );

  // The receiving side: only its owner sees offers and decides, so nobody receives data they did not ask for.
  app.get(
    '/incoming-shares',
    {
      config: { access: 'owner' },
      schema: {
        tags,
        summary: 'Maps other workspaces offer to this one, pending and accepted (owners)',
        params: wsParams,
        response: { 200: z.object({ items: z.array(incomingShare) }), ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => ({ items: await app.db.read((tx) => sharesRepo.incoming(tx, request.params.ws)) }),
  );

  for (const [verb, answer] of [
    ['accept', 'accepted'],
    ['decline', 'declined'],
  ] as const) {
    app.post(
      `/incoming-shares/:shareId/${verb}`,
      {
        config: { access: 'owner' },
        schema: {
          tags,
          summary:
            verb === 'accept'
              ? 'Accept an offered map: every member of this workspace can then see it (owners)'
              : 'Decline an offer, or stop receiving a map accepted before (owners)',
          params: incomingParams,
          response: { 200: incomingShare, ...writeErrors },
        },
      },
      async (request) => respondToShare(app.db, request.params.ws, request.params.shareId, answer, requireUser(request)),
    );
  }
};
