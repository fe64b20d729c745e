import type { BrokersAnswer, CommunitiesAnswer } from '../domain/analysis.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  brokersAnswer,
  brokersQuery,
  circleAnswer,
  circleQuery,
  communitiesAnswer,
  communitiesQuery,
  interlocksAnswer,
  interlocksQuery,
  leverageAnswer,
  leverageQuery,
  neighborhoodAnswer,
  neighborhoodQuery,
  pathsAnswer,
  pathsQuery,
} from '../domain/analysis.js';
import { id, problemSchema, wsParams } from '../domain/common.js';
import { brokers } from '../analysis/brokers.js';
import { abandonedSignal } from '../http/abandoned.js';
import { VersionCache } from '../analysis/cache.js';
import { RecentAnswers } from '../analysis/recent.js';
import { targetCircle } from '../analysis/circle.js';
import { communities } from '../analysis/communities.js';
import { interlocks } from '../analysis/interlocks.js';
import { leverage } from '../analysis/leverage.js';
import { neighborhood } from '../analysis/neighborhood.js';
import { findPaths } from '../analysis/paths.js';
import { checkScope } from '../analysis/scope.js';
import { compressed } from '../http/compression.js';
import { anomaliesAnswer, anomaliesQuery, ownershipAnswer, ownershipQuery, pensionAnswer, pensionQuery } from '../domain/ownership.js';
import { anomalies, ownership, pensionExposure } from '../analysis/ownership/question.js';

const errors = { 400: problemSchema, 401: problemSchema, 404: problemSchema };
/** Whole-scope measures run on a worker thread, a few at once per account (server/http/heavy-limit.ts). */
const heavyErrors = { ...errors, 429: problemSchema, 503: problemSchema };
const heavy = { heavy: true };
const tags = ['analysis'];

/** The questions a power map answers, under /api/workspaces/:ws/analysis (read access). */
export const analysisRoutes: FastifyPluginAsyncZod = async (app) => {
  const brokerCache = new VersionCache<BrokersAnswer>();
  const recentBrokers = new RecentAnswers<BrokersAnswer>(app.config.ANALYSIS_REUSE_ABOVE);
  const communityCache = new VersionCache<CommunitiesAnswer>();

  app.get(
    '/neighborhood',
    {
      compress: compressed,
      schema: {
        tags,
        summary: 'The actors and relationships around an actor, nearest first',
        params: wsParams,
        querystring: neighborhoodQuery,
        response: { 200: neighborhoodAnswer, ...errors },
      },
    },
    async (request) => neighborhood(app.db, request.workspace.id, request.query),
  );

  app.get(
    '/paths',
    {
      compress: compressed,
      schema: {
        tags,
        summary: 'Find connections: the k shortest loopless paths between two actors (at most 6 hops)',
        params: wsParams,
        querystring: pathsQuery,
        response: { 200: pathsAnswer, ...errors },
      },
    },
    async (request) => findPaths(app.db, request.workspace.id, request.query),
  );

  app.get(
    '/interlocks',
    {
      compress: compressed,
      schema: {
        tags,
        summary: 'Actors tied to all (or at least min) of the given actors, by relationship type',
        params: wsParams,
        querystring: interlocksQuery,
        response: { 200: interlocksAnswer, ...errors },
      },
    },
    async (request) => interlocks(app.db, request.workspace.id, request.query),
  );

  app.get(
    '/brokers',
    {
      compress: compressed,
      schema: {
        tags,
        summary: 'Power brokers: centrality over the scope combined with assessed power',
        params: wsParams,
        querystring: brokersQuery,
        response: { 200: brokersAnswer, ...heavyErrors },
      },
      config: heavy,
    },
    async (request, reply) => {
      checkScope(request.query);
      return brokers(app.db, app.workers, request.workspace.id, request.query, brokerCache, abandonedSignal(reply), recentBrokers);
    },
  );

  app.get(
    '/communities',
    {
      compress: compressed,
      schema: {
        tags,
        summary: 'Louvain communities, each named after its most central member',
        params: wsParams,
        querystring: communitiesQuery,
        response: { 200: communitiesAnswer, ...heavyErrors },
      },
      config: heavy,
    },
    async (request, reply) => {
      checkScope(request.query);
      return communities(app.db, app.workers, request.workspace.id, request.query, communityCache, abandonedSignal(reply));
    },
  );

  app.get(
    '/leverage',
    {
      compress: compressed,
      schema: {
        tags,
        summary: 'Leverage routes from our base (or chosen actors) to a target, ranked and explained',
        params: wsParams,
        querystring: leverageQuery,
        response: { 200: leverageAnswer, ...errors },
      },
    },
    async (request) => leverage(app.db, request.workspace.id, request.query),
  );

  app.get(
    '/demands/:id/circle',
    {
      compress: compressed,
      schema: {
        tags,
        summary: "A demand's secondary targets: actors with power over its primary targets, ranked",
        params: z.object({ ws: id, id }),
        querystring: circleQuery,
        response: { 200: circleAnswer, ...errors },
      },
    },
    async (request) => targetCircle(app.db, request.workspace.id, request.params.id, request.query.limit),
  );
  app.get(
    '/ownership',
    {
      compress: compressed,
      schema: {
        tags,
        summary: 'Who ultimately owns and controls a company: look-through shares, control and explained chains',
        params: wsParams,
        querystring: ownershipQuery,
        response: { 200: ownershipAnswer, ...heavyErrors },
      },
    },
    async (request) => ownership(app.db, app.workers, request.workspace.id, request.query),
  );

  app.get(
    '/ownership/anomalies',
    {
      compress: compressed,
      schema: {
        tags,
        summary: 'Ownership ties to fix: circles, stakes over 100 %, declared totals that disagree, duplicates, stale stakes',
        params: wsParams,
        querystring: anomaliesQuery,
        response: { 200: anomaliesAnswer, ...heavyErrors },
      },
      config: heavy,
    },
    async (request) => anomalies(app.db, app.workers, request.workspace.id, request.query),
  );

  app.get(
    '/pension-exposure',
    {
      compress: compressed,
      schema: {
        tags,
        summary: 'Pension funds exposed to a company, directly or as limited partners, with their trustees (ours first)',
        params: wsParams,
        querystring: pensionQuery,
        response: { 200: pensionAnswer, ...heavyErrors },
      },
    },
    async (request) => pensionExposure(app.db, app.workers, request.workspace.id, request.query),
  );
};
