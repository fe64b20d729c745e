import type { BrokersAnswer, CommunitiesAnswer } from '../domain/analysis.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { brokersAnswer, communitiesAnswer, interlocksAnswer, leverageAnswer, pathsAnswer } from '../domain/analysis.js';
import { wsParams } from '../domain/common.js';
import {
  incomingParams,
  sharedActor,
  sharedActorCreate,
  sharedBrokersQuery,
  sharedCommunitiesQuery,
  sharedInterlocksQuery,
  sharedLeverageQuery,
  sharedMapDetail,
  sharedMapSummary,
  sharedPathsQuery,
  sharedRelationship,
  sharedRelationshipCreate,
} from '../domain/share.js';
import { VersionCache } from '../analysis/cache.js';
import type { GraphExport } from '../io/export-model.js';
import { requireUser } from '../auth/principal.js';
import { sharesRepo, type OpenShare } from '../repos/shares.js';
import { redactForPartner } from '../services/share-redaction.js';
import { sharedBrokers, sharedCommunities, sharedInterlocks, sharedLeverage, sharedPaths } from '../services/shared-analysis.js';
import { addSharedActor, addSharedRelationship, loadSharedMap, openShare } from '../services/shares.js';
import { graphFile, graphFormatIds, sendFile } from './export.js';
import { errors, writeErrors } from './helpers.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The accepted share a /shared-maps/:shareId request is about, read for this request. */
    partnerShare: OpenShare | null;
  }
}

const tags = ['shared maps'];
const readErrors = errors(400, 401, 404);

/**
 * What members of a partner workspace (:ws) see of maps shared with it. The scope hook has
 * checked their role in :ws; each request reads its share again (accepted, not revoked,
 * offered to :ws), so revoking cuts access on the very next request. Every payload leaves
 * through redactForPartner, here and only here.
 */
export const sharedMapRoutes: FastifyPluginAsyncZod = async (app) => {
  app.decorateRequest('partnerShare', null);
  app.addHook('preHandler', async (request) => {
    const { ws, shareId } = request.params as { ws?: string; shareId?: string };
    if (ws && shareId) request.partnerShare = await app.db.read((tx) => openShare(tx, ws, shareId));
  });
  app.addHook('preSerialization', async (request, _reply, payload) =>
    redactForPartner(app.db, request.partnerShare?.ownerWorkspace.id ?? null, payload),
  );

  const share = (request: { partnerShare: OpenShare | null }) => request.partnerShare!;
  const brokerCache = new VersionCache<BrokersAnswer>();
  const communityCache = new VersionCache<CommunitiesAnswer>();

  app.get(
    '/shared-maps',
    {
      schema: {
        tags,
        summary: 'Maps other workspaces share with this one (accepted)',
        params: wsParams,
        response: { 200: z.object({ items: z.array(sharedMapSummary) }), ...readErrors },
      },
    },
    async (request) => ({ items: await app.db.read((tx) => sharesRepo.sharedWith(tx, request.params.ws)) }),
  );

  app.get(
    '/shared-maps/:shareId',
    {
      schema: {
        tags,
        summary: 'A shared map: its actors, the ties among them, positions, styles and story, without the owner’s internal fields',
        params: incomingParams,
        response: { 200: sharedMapDetail, ...readErrors },
      },
    },
    async (request) => app.db.read((tx) => loadSharedMap(tx, share(request))),
  );

  app.get(
    '/shared-maps/:shareId/export',
    {
      schema: {
        tags,
        summary:
          'Download a shared map as CSV, XLSX, GraphML, GEXF, Cytoscape.js JSON or FollowTheMoney, without the owner’s internal fields',
        description:
          'What the shared map shows, as a file: internal fields, the owner’s sources and history stay behind; the always-internal columns are left out altogether.',
        params: incomingParams,
        querystring: z.object({ format: z.enum(graphFormatIds) }),
        response: { 200: z.string(), ...readErrors },
      },
    },
    async (request, reply) => {
      const current = share(request);
      const detail = await app.db.read((tx) => loadSharedMap(tx, current));
      // A file is not serialised through the hook above: it is redacted here, through the same door.
      const shown = await redactForPartner(app.db, current.ownerWorkspace.id, detail);
      const graph = {
        name: `${shown.name} (shared by ${current.ownerWorkspace.name})`,
        actors: shown.actors as unknown as GraphExport['actors'],
        relationships: shown.relationships as unknown as GraphExport['relationships'],
        members: shown.members,
        audience: 'partner' as const,
      };
      return sendFile(reply, graphFile(request.query.format), graph, graph.name);
    },
  );

  app.post(
    '/shared-maps/:shareId/actors',
    {
      schema: {
        tags,
        summary: 'Add an actor to a map shared with edit access (editors); it lands in the owning workspace, credited to this one',
        params: incomingParams,
        body: sharedActorCreate,
        response: { 201: sharedActor, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addSharedActor(app.db, request.params.ws, request.params.shareId, requireUser(request), request.body)),
  );

  app.post(
    '/shared-maps/:shareId/relationships',
    {
      schema: {
        tags,
        summary: 'Add a tie between two actors of a map shared with edit access (editors), credited to this workspace',
        params: incomingParams,
        body: sharedRelationshipCreate,
        response: { 201: sharedRelationship, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await addSharedRelationship(app.db, request.params.ws, request.params.shareId, requireUser(request), request.body)),
  );

  app.get(
    '/shared-maps/:shareId/analysis/paths',
    {
      schema: {
        tags,
        summary: 'Find connections between two actors of the shared map, through the map only',
        params: incomingParams,
        querystring: sharedPathsQuery,
        response: { 200: pathsAnswer, ...readErrors },
      },
    },
    async (request) => sharedPaths(app.db, share(request), request.query),
  );

  app.get(
    '/shared-maps/:shareId/analysis/brokers',
    {
      schema: {
        tags,
        summary: 'Power brokers of the shared map',
        params: incomingParams,
        querystring: sharedBrokersQuery,
        response: { 200: brokersAnswer, ...readErrors },
      },
    },
    async (request) => sharedBrokers(app.db, app.workers, share(request), request.query, brokerCache),
  );

  app.get(
    '/shared-maps/:shareId/analysis/leverage',
    {
      schema: {
        tags,
        summary: 'Leverage routes to a target of the shared map, from the owner’s base on it (or chosen actors of it)',
        params: incomingParams,
        querystring: sharedLeverageQuery,
        response: { 200: leverageAnswer, ...readErrors },
      },
    },
    async (request) => sharedLeverage(app.db, share(request), request.query),
  );

  app.get(
    '/shared-maps/:shareId/analysis/communities',
    {
      schema: {
        tags,
        summary: 'Communities of the shared map',
        params: incomingParams,
        querystring: sharedCommunitiesQuery,
        response: { 200: communitiesAnswer, ...readErrors },
      },
    },
    async (request) => sharedCommunities(app.db, app.workers, share(request), request.query, communityCache),
  );

  app.get(
    '/shared-maps/:shareId/analysis/interlocks',
    {
      schema: {
        tags,
        summary: 'Actors of the shared map tied to all (or min) of the given ones',
        params: incomingParams,
        querystring: sharedInterlocksQuery,
        response: { 200: interlocksAnswer, ...readErrors },
      },
    },
    async (request) => sharedInterlocks(app.db, share(request), request.query),
  );
};
