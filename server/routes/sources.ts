import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, page, pageQuery, versionQuery, wsParams } from '../domain/common.js';
import { source, sourceCreate, sourcePatch, type Source } from '../domain/source.js';
import { notFound } from '../http/problem.js';
import { listSources, sourceStore } from '../repos/sources.js';
import { createSource, deleteSource, updateSource } from '../services/sources.js';
import { mutate } from '../services/unit-of-work.js';
import { author, basedOn, decodeCursor, pageOf, readErrors, writeErrors } from './helpers.js';

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

  app.get(
    '/sources/:id',
    { schema: { tags: ['sources'], summary: 'One source', params: idParams, response: { 200: source, ...readErrors } } },
    async (request) => {
      const found = await app.db.read((tx) => sourceStore.load(tx, request.params.ws, request.params.id));
      if (!found) throw notFound('Source');
      return found;
    },
  );

  app.patch(
    '/sources/:id',
    {
      schema: {
        tags: ['sources'],
        summary: 'Change a source (send the version you edited)',
        params: idParams,
        body: sourcePatch,
        response: { 200: source, ...writeErrors },
      },
    },
    async (request) => {
      const patch = { ...request.body, version: basedOn(request, request.body.version) };
      const { result } = await mutate(
        app.db,
        request.params.ws,
        author(request),
        'update',
        (s: Source) => `Edited source ${s.title ?? s.url}`,
        (ctx) => updateSource(ctx, request.params.id, patch),
      );
      return result;
    },
  );

  app.delete(
    '/sources/:id',
    {
      schema: {
        tags: ['sources'],
        summary: 'Delete a source nothing cites',
        params: idParams,
        querystring: versionQuery,
        response: { 204: z.null(), ...writeErrors },
      },
    },
    async (request, reply) => {
      await mutate(
        app.db,
        request.params.ws,
        author(request),
        'delete',
        (s: Source) => `Deleted source ${s.title ?? s.url}`,
        (ctx) => deleteSource(ctx, request.params.id, basedOn(request, request.query.version)),
      );
      return reply.code(204).send(null);
    },
  );
};
