import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { page, pageQuery, wsParams } from '../domain/common.js';
import { source, sourceCreate, sourcePatch, type Source } from '../domain/source.js';
import { sourceIndex, sourceIndexQuery } from '../domain/source-index.js';
import { listSources, sourceStore } from '../repos/sources.js';
import { loadSourceIndex, type UncitedPosition } from '../services/source-index.js';
import { createSource, deleteSource, updateSource } from '../services/sources.js';
import { mutate } from '../services/unit-of-work.js';
import { recordRoutes } from './record-routes.js';
import { badRequest } from '../http/problem.js';
import { author, decodeCursor, encodeCursor, pageOf, readErrors, writeErrors } from './helpers.js';

export const sourceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/sources',
    {
      schema: {
        tags: ['sources'],
        summary: 'List sources, newest first; `q` matches title, publisher or URL',
        params: wsParams,
        querystring: pageQuery.extend({ q: z.string().max(200).optional() }),
        response: { 200: page(source), ...readErrors },
      },
    },
    async (request) => {
      const { cursor, limit, q } = request.query;
      const after = decodeCursor(cursor, 2) as [string, string] | null;
      const items = await app.db.read((tx) => listSources(tx, request.params.ws, q, { after, limit: limit + 1 }));
      return pageOf(items, limit, (item) => [item.createdAt, item.id]);
    },
  );

  app.get(
    '/sources/index',
    {
      config: { access: 'read' },
      schema: {
        tags: ['sources'],
        summary: 'Every source with what cites it (actors, relationships, readings), and the actors and ties that cite none',
        description:
          'Sources come a page at a time (`cursor`, `limit`), each with counts and the first few records citing it; ' +
          'the uncited work (actors by name, then relationships) pages on its own (`uncitedCursor`, `uncitedLimit`).',
        params: wsParams,
        querystring: sourceIndexQuery,
        response: { 200: sourceIndex, ...readErrors },
      },
    },
    async (request) => {
      const { cursor, limit, uncitedCursor, uncitedLimit } = request.query;
      const uncitedAt = decodeCursor(uncitedCursor, 3) as UncitedPosition | null;
      if (uncitedAt && uncitedAt[0] !== 'actor' && uncitedAt[0] !== 'relationship')
        throw badRequest('That cursor is not one this API gave out; start again without it.', [
          { path: 'querystring.uncitedCursor', message: 'is not a valid cursor' },
        ]);
      const position = { after: decodeCursor(cursor, 2) as [string, string] | null, limit, uncitedAt, uncitedLimit };
      const { next, uncited, ...rest } = await app.db.read((tx) => loadSourceIndex(tx, request.params.ws, position));
      const { next: uncitedNext, ...counts } = uncited;
      return {
        ...rest,
        nextCursor: next ? encodeCursor(next) : null,
        uncited: { ...counts, nextCursor: uncitedNext ? encodeCursor(uncitedNext) : null },
      };
    },
  );

  app.post(
    '/sources',
    {
      schema: {
        tags: ['sources'],
        summary: 'Add a source; the same page (normalised URL) is one source, returned with 200 if already known',
        params: wsParams,
        body: sourceCreate,
        response: { 201: source, 200: source, ...writeErrors },
      },
    },
    async (request, reply) => {
      const { result } = await mutate(
        app.db,
        request.params.ws,
        author(request),
        'create',
        (r: { source: Source }) => `Added source ${r.source.title ?? r.source.url}`,
        (ctx) => createSource(ctx, request.body),
      );
      return reply.code(result.existing ? 200 : 201).send(result.source);
    },
  );

  recordRoutes(app, {
    path: '/sources',
    tag: 'sources',
    noun: 'source',
    schema: source,
    patch: sourcePatch,
    name: (s: Source) => `source ${s.title ?? s.url}`,
    load: sourceStore.load,
    update: updateSource,
    remove: deleteSource,
    deleteSummary: 'Delete a source nothing cites',
  });
};
