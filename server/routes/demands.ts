import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, page, pageQuery, versionQuery, wsParams } from '../domain/common.js';
import { demand, demandCreate, demandPatch, type Demand } from '../domain/demand.js';
import { notFound } from '../http/problem.js';
import { DEMAND, type StoredDemand } from '../repos/demands.js';
import { createDemand, deleteDemand, updateDemand } from '../services/demands.js';
import { mutate } from '../services/unit-of-work.js';
import type { Tx } from '../db/gateway.js';
import { author, basedOn, decodeCursor, pageOf, readErrors, writeErrors } from './helpers.js';

/** A demand with its targets' names, for display. */
async function loadDemand(tx: Tx, ws: string, id: string): Promise<Demand | undefined> {
  return (await tx.one<{ d: Demand }>(`MATCH (d:Demand {id: $id}) WHERE d.workspaceId = $ws RETURN ${DEMAND} AS d`, { ws, id }))?.d;
}

export const demandRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/demands',
    { schema: { tags: ['demands'], summary: 'List demands, newest first', params: wsParams, querystring: pageQuery, response: { 200: page(demand), ...readErrors } } },
    async (request) => {
      const { cursor, limit } = request.query;
      const after = decodeCursor(cursor, 2) as [string, string] | null;
      const rows = await app.db.read((tx) =>
        tx.query<{ d: Demand }>(
          `MATCH (d:Demand) WHERE d.workspaceId = $ws
             AND ($afterAt IS NULL OR d.createdAt < $afterAt OR (d.createdAt = $afterAt AND d.id < $afterId))
           RETURN ${DEMAND} AS d ORDER BY d.createdAt DESC, d.id DESC LIMIT $limit`,
          { ws: request.params.ws, afterAt: after?.[0] ?? null, afterId: after?.[1] ?? null, limit: limit + 1 },
        ),
      );
      return pageOf(rows.map((r) => r.d), limit, (item) => [item.createdAt, item.id]);
    },
  );

  app.post(
    '/demands',
    { schema: { tags: ['demands'], summary: 'Create a demand with its primary targets (people who can grant it)', params: wsParams, body: demandCreate, response: { 201: demand, ...writeErrors } } },
    async (request, reply) => {
      const { result } = await mutate(app.db, request.params.ws, author(request), 'create', (d: StoredDemand) => `Added demand “${d.title}”`, (ctx) =>
        createDemand(ctx, request.body),
      );
      return reply.code(201).send((await app.db.read((tx) => loadDemand(tx, request.params.ws, result.id)))!);
    },
  );

  app.get(
    '/demands/:id',
    { schema: { tags: ['demands'], summary: 'One demand with its targets', params: idParams, response: { 200: demand, ...readErrors } } },
    async (request) => {
      const found = await app.db.read((tx) => loadDemand(tx, request.params.ws, request.params.id));
      if (!found) throw notFound('Demand');
      return found;
    },
  );

  app.patch(
    '/demands/:id',
    { schema: { tags: ['demands'], summary: 'Change a demand (send the version you edited)', params: idParams, body: demandPatch, response: { 200: demand, ...writeErrors } } },
    async (request) => {
      const patch = { ...request.body, version: basedOn(request, request.body.version) };
      await mutate(app.db, request.params.ws, author(request), 'update', (d: StoredDemand) => `Edited demand “${d.title}”`, (ctx) =>
        updateDemand(ctx, request.params.id, patch),
      );
      return (await app.db.read((tx) => loadDemand(tx, request.params.ws, request.params.id)))!;
    },
  );

  app.delete(
    '/demands/:id',
    { schema: { tags: ['demands'], summary: 'Delete a demand (revertible from history)', params: idParams, querystring: versionQuery, response: { 204: z.null(), ...writeErrors } } },
    async (request, reply) => {
      await mutate(app.db, request.params.ws, author(request), 'delete', (d: StoredDemand) => `Deleted demand “${d.title}”`, (ctx) =>
        deleteDemand(ctx, request.params.id, basedOn(request, request.query.version)),
      );
      return reply.code(204).send(null);
    },
  );
};
