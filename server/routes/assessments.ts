import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { assessmentChanges, assessmentChangesQuery, assessmentRange } from '../domain/assessment.js';
import { wsParams } from '../domain/common.js';
import { notFound } from '../http/problem.js';
import { assessmentRange as rangeOf } from '../repos/assessments.js';
import { mapStore } from '../repos/maps.js';
import { changesSince } from '../services/assessments.js';
import { readErrors } from './helpers.js';

/** Readings across the workspace over time: what moved, and the span the time slider covers. */
export const assessmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/assessments/changes',
    {
      schema: {
        tags: ['assessments'],
        summary:
          'What moved since a date: every actor whose power or alignment changed, from → to, with the readings’ notes (the weekly meeting view)',
        params: wsParams,
        querystring: assessmentChangesQuery,
        response: { 200: assessmentChanges, ...readErrors },
      },
    },
    async (request) => {
      const { ws } = request.params;
      const { since, map } = request.query;
      const from = new Date(/^\d{4}-\d{2}-\d{2}$/.test(since) ? `${since}T00:00:00Z` : since).toISOString();
      return app.db.read(async (tx) => {
        if (map && !(await mapStore.load(tx, ws, map))) throw notFound('Map');
        return { since: from, items: await changesSince(tx, ws, from, map ?? null) };
      });
    },
  );

  app.get(
    '/assessments/range',
    {
      schema: {
        tags: ['assessments'],
        summary: 'The first and last reading in the workspace (the time slider’s span)',
        params: wsParams,
        response: { 200: assessmentRange, ...readErrors },
      },
    },
    async (request) => app.db.read((tx) => rangeOf(tx, request.params.ws)),
  );
};
