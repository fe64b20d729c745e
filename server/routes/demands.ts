import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, page, versionQuery, wsParams } from '../domain/common.js';
import { demand, demandCreate, demandListQuery, demandPatch } from '../domain/demand.js';
import { badRequest, notFound } from '../http/problem.js';
import { demandView, listDemands, type StoredDemand } from '../repos/demands.js';
import { createDemandOnce, deleteDemand, restoreDemand, updateDemand } from '../services/demands.js';
import { mutate } from '../services/unit-of-work.js';
import { author, basedOn, decodeCursor, pageOf, readErrors, writeErrors } from './helpers.js';

function idempotencyKey(header: string | string[] | undefined): string | null {
  if (header === undefined) return null;
  const key = Array.isArray(header) ? header[0] : header;
  if (!key || key.length > 200)
    throw badRequest('Idempotency-Key must be 1 to 200 characters (a UUID is a good choice).', [
      { path: 'headers.idempotency-key', message: 'must be 1 to 200 characters' },
    ]);
  return key;
}

export const demandRoutes: FastifyPluginAsyncZod = async (app) => {
  const view = async (ws: string, id: string) => {
    const found = await app.db.read((tx) => demandView(tx, ws, id));
    if (!found) throw notFound('Demand');
    return found;
  };

  app.get(
    '/demands',
    {
      schema: {
        tags: ['demands'],
        summary: 'List demands, newest first (or only those aimed at one actor)',
        params: wsParams,
        querystring: demandListQuery,
        response: { 200: page(demand), ...readErrors },
      },
    },
    async (request) => {
      const { cursor, limit, target } = request.query;
      const after = decodeCursor(cursor, 2) as [string, string] | null;
      const rows = await app.db.read((tx) => listDemands(tx, request.params.ws, { after, limit: limit + 1, target: target ?? null }));
      return pageOf(rows, limit, (item) => [item.createdAt, item.id]);
    },
  );

  app.post(
    '/demands',
    {
      schema: {
        tags: ['demands'],
        summary:
          'Create a demand with its targets. Idempotent: repeat it with the same Idempotency-Key header or client-chosen id and you get the first demand back with 200',
        params: wsParams,
        body: demandCreate,
        response: { 200: demand, 201: demand, ...writeErrors, ...readErrors },
      },
    },
    async (request, reply) => {
      const key = idempotencyKey(request.headers['idempotency-key']);
      const { result } = await mutate(
        app.db,
        request.params.ws,
        author(request),
        'create',
        `Added demand “${request.body.title.trim()}”`,
        (ctx) => createDemandOnce(ctx, request.body, key),
      );
      return reply.code(result.created ? 201 : 200).send(await view(request.params.ws, result.id));
    },
  );

  app.get(
    '/demands/:id',
    {
      schema: {
        tags: ['demands'],
        summary: 'One demand with its targets, status history and the members of any body it targets',
        params: idParams,
        response: { 200: demand, ...readErrors },
      },
    },
    async (request) => view(request.params.ws, request.params.id),
  );

  app.patch(
    '/demands/:id',
    {
      schema: {
        tags: ['demands'],
        summary: 'Change a demand (send the version you edited); a new status is dated now or at statusAt',
        params: idParams,
        body: demandPatch,
        response: { 200: demand, ...writeErrors },
      },
    },
    async (request) => {
      const patch = { ...request.body, version: basedOn(request, request.body.version) };
      await mutate(
        app.db,
        request.params.ws,
        author(request),
        'update',
        (d: StoredDemand) => `Edited demand “${d.title}”`,
        (ctx) => updateDemand(ctx, request.params.id, patch),
      );
      return view(request.params.ws, request.params.id);
    },
  );

  app.delete(
    '/demands/:id',
    {
      schema: {
        tags: ['demands'],
        summary: 'Delete a demand (restorable, and revertible from history)',
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
        (d: StoredDemand) => `Deleted demand “${d.title}”`,
        (ctx) => deleteDemand(ctx, request.params.id, basedOn(request, request.query.version)),
      );
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/demands/:id/restore',
    {
      schema: {
        tags: ['demands'],
        summary: 'Bring back a deleted demand with its targets',
        params: idParams,
        response: { 200: demand, ...writeErrors },
      },
    },
    async (request) => {
      await mutate(
        app.db,
        request.params.ws,
        author(request),
        'restore',
        (d: StoredDemand) => `Restored demand “${d.title}”`,
        (ctx) => restoreDemand(ctx, request.params.id),
      );
      return view(request.params.ws, request.params.id);
    },
  );
};
