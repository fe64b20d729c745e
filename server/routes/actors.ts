import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actor, actorCreate, actorListQuery, actorPatch, type Actor } from '../domain/actor.js';
import { actorDetail } from '../domain/actor-detail.js';
import { assessment, assessmentCreate, assessmentRecorded, type Assessment } from '../domain/assessment.js';
import { change } from '../domain/change.js';
import { id, idParams, page, pageQuery, version, wsParams } from '../domain/common.js';
import { notFound } from '../http/problem.js';
import { actorStore, listActors } from '../repos/actors.js';
import { assessmentsOf } from '../repos/assessments.js';
import { changesRepo } from '../repos/changes.js';
import { createActor, deleteActor, loadActorDetail, restoreActor, updateActor } from '../services/actors.js';
import { assess } from '../services/assessments.js';
import { mergeActor } from '../services/merge.js';
import { mutate } from '../services/unit-of-work.js';
import { recordRoutes } from './record-routes.js';
import { author, basedOn, decodeCursor, pageOf, readErrors, writeErrors } from './helpers.js';

export const actorRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/actors',
    {
      schema: {
        tags: ['actors'],
        summary: 'List actors, by name, with filters',
        params: wsParams,
        querystring: pageQuery.extend(actorListQuery.shape),
        response: { 200: page(actor), ...readErrors },
      },
    },
    async (request) => {
      const { cursor, limit, ...filters } = request.query;
      const after = decodeCursor(cursor, 2) as [string, string] | null;
      const items = await app.db.read((tx) => listActors(tx, request.params.ws, filters, { after, limit: limit + 1 }));
      return pageOf(items, limit, (item) => [item.name.toLowerCase(), item.id]);
    },
  );

  app.post(
    '/actors',
    {
      schema: {
        tags: ['actors'],
        summary: 'Create an actor',
        params: wsParams,
        body: actorCreate,
        response: { 201: actor, ...writeErrors },
      },
    },
    async (request, reply) => {
      const { result } = await mutate(
        app.db,
        request.params.ws,
        author(request),
        'create',
        (a: Actor) => `Added ${a.name}`,
        (ctx) => createActor(ctx, request.body),
      );
      return reply.code(201).send(result);
    },
  );

  app.get(
    '/actors/:id',
    {
      schema: {
        tags: ['actors'],
        summary: 'An actor with its relationships (grouped by type), their sources and its maps',
        params: idParams,
        response: { 200: actorDetail, ...readErrors },
      },
    },
    async (request) => app.db.read((tx) => loadActorDetail(tx, request.params.ws, request.params.id)),
  );

  recordRoutes(app, {
    path: '/actors',
    tag: 'actors',
    noun: 'actor',
    schema: actor,
    patch: actorPatch,
    name: (a: Actor) => a.name,
    update: updateActor,
    remove: deleteActor,
    deleteSummary: 'Delete an actor (restorable, with its relationships)',
  });

  app.post(
    '/actors/:id/restore',
    {
      schema: {
        tags: ['actors'],
        summary: 'Restore a deleted actor and its relationships',
        params: idParams,
        response: { 200: actor, ...writeErrors },
      },
    },
    async (request) =>
      (
        await mutate(
          app.db,
          request.params.ws,
          author(request),
          'restore',
          (a: Actor) => `Restored ${a.name}`,
          (ctx) => restoreActor(ctx, request.params.id),
        )
      ).result,
  );

  app.post(
    '/actors/:id/merge',
    {
      schema: {
        tags: ['actors'],
        summary: 'Merge this duplicate into another actor (one change; revertible)',
        params: idParams,
        body: z.strictObject({ into: id, version: version.optional() }),
        response: { 200: actor, ...writeErrors },
      },
    },
    async (request) => {
      const { result } = await mutate(
        app.db,
        request.params.ws,
        author(request),
        'merge',
        (a: Actor) => `Merged a duplicate into ${a.name}`,
        (ctx) => mergeActor(ctx, request.params.id, request.body.into, basedOn(request, request.body.version)),
      );
      return result;
    },
  );

  app.post(
    '/actors/:id/assessments',
    {
      schema: {
        tags: ['assessments'],
        summary: 'Record a dated reading of power and alignment',
        params: idParams,
        body: assessmentCreate,
        response: { 201: assessmentRecorded, ...writeErrors },
      },
    },
    async (request, reply) => {
      const { result } = await mutate(
        app.db,
        request.params.ws,
        author(request),
        'assess',
        (x: Assessment) => `Assessed power ${x.power}, alignment ${x.alignment}`,
        (ctx) => assess(ctx, request.params.id, request.body),
      );
      return reply.code(201).send(result);
    },
  );

  app.get(
    '/actors/:id/assessments',
    {
      schema: {
        tags: ['assessments'],
        summary: 'An actor’s readings, oldest first',
        params: idParams,
        response: { 200: z.object({ items: z.array(assessment) }), ...readErrors },
      },
    },
    async (request) =>
      app.db.read(async (tx) => {
        if (!(await actorStore.load(tx, request.params.ws, request.params.id))) throw notFound('Actor');
        const items = await assessmentsOf(tx, request.params.ws, request.params.id);
        return { items: items.map(({ version: _v, ...rest }) => rest) };
      }),
  );

  app.get(
    '/actors/:id/history',
    {
      schema: {
        tags: ['history'],
        summary: 'Changes that touched this actor, newest first',
        params: idParams,
        querystring: z.object({
          before: z.coerce.number().int().min(1).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ items: z.array(change) }), ...readErrors },
      },
    },
    async (request) => ({
      items: await app.db.read((tx) =>
        changesRepo.list(tx, request.params.ws, { entity: request.params.id, before: request.query.before, limit: request.query.limit }),
      ),
    }),
  );
};
