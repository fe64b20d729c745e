import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, page, pageQuery, versionQuery, wsParams } from '../domain/common.js';
import {
  addMembers as addMembersBody,
  mapCreate,
  mapDetail,
  mapPatch,
  mapSummary,
  positionsUpdate,
  removeMembers as removeMembersBody,
} from '../domain/map.js';
import { notFound } from '../http/problem.js';
import { listMaps, mapStore, savePositions, type StoredMap } from '../repos/maps.js';
import { addMembers, createMap, deleteMap, loadMapDetail, removeMembers, updateMap } from '../services/maps.js';
import { mutate } from '../services/unit-of-work.js';
import { author, basedOn, decodeCursor, pageOf, readErrors, writeErrors } from './helpers.js';
import { compressed } from '../http/compression.js';

export const mapRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/maps',
    {
      schema: {
        tags: ['maps'],
        summary: 'List maps by name',
        params: wsParams,
        querystring: pageQuery,
        response: { 200: page(mapSummary), ...readErrors },
      },
    },
    async (request) => {
      const { cursor, limit } = request.query;
      const after = decodeCursor(cursor, 2) as [string, string] | null;
      const items = await app.db.read((tx) => listMaps(tx, request.params.ws, { after, limit: limit + 1 }));
      return pageOf(items, limit, (item) => [item.name.toLowerCase(), item.id]);
    },
  );

  app.post(
    '/maps',
    {
      schema: { tags: ['maps'], summary: 'Create a map', params: wsParams, body: mapCreate, response: { 201: mapDetail, ...writeErrors } },
    },
    async (request, reply) => {
      const { result } = await mutate(
        app.db,
        request.params.ws,
        author(request),
        'create',
        (m: StoredMap) => `Created map “${m.name}”`,
        (ctx) => createMap(ctx, request.body),
      );
      return reply.code(201).send(await app.db.read((tx) => loadMapDetail(tx, request.params.ws, result.id)));
    },
  );

  app.get(
    '/maps/:id',
    {
      compress: compressed,
      schema: {
        tags: ['maps'],
        summary: 'A map with its actors, positions, annotations and the relationships among its actors',
        params: idParams,
        response: { 200: mapDetail, ...readErrors },
      },
    },
    async (request) => app.db.read((tx) => loadMapDetail(tx, request.params.ws, request.params.id)),
  );

  app.patch(
    '/maps/:id',
    {
      schema: {
        tags: ['maps'],
        summary: 'Change a map’s name, description, default view, members or story (send the version you edited)',
        params: idParams,
        body: mapPatch,
        response: { 200: mapDetail, ...writeErrors },
      },
    },
    async (request) => {
      const patch = { ...request.body, version: basedOn(request, request.body.version) };
      await mutate(
        app.db,
        request.params.ws,
        author(request),
        'update',
        (m: StoredMap) => `Edited map “${m.name}”`,
        (ctx) => updateMap(ctx, request.params.id, patch),
      );
      return app.db.read((tx) => loadMapDetail(tx, request.params.ws, request.params.id));
    },
  );

  app.delete(
    '/maps/:id',
    {
      schema: {
        tags: ['maps'],
        summary: 'Delete a map (the actors stay in the workspace)',
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
        (m: StoredMap) => `Deleted map “${m.name}”`,
        (ctx) => deleteMap(ctx, request.params.id, basedOn(request, request.query.version)),
      );
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/maps/:id/members',
    {
      schema: {
        tags: ['maps'],
        summary: 'Put actors on a map (optionally with their direct neighbours); their ties to actors already there are drawn',
        params: idParams,
        body: addMembersBody,
        response: { 200: mapDetail, ...writeErrors },
      },
    },
    async (request) => {
      const body = { ...request.body, version: basedOn(request, request.body.version) };
      await mutate(
        app.db,
        request.params.ws,
        author(request),
        'update',
        (m: StoredMap) => `Added actors to map “${m.name}”`,
        (ctx) => addMembers(ctx, request.params.id, body),
      );
      return app.db.read((tx) => loadMapDetail(tx, request.params.ws, request.params.id));
    },
  );

  app.post(
    '/maps/:id/members/remove',
    {
      schema: {
        tags: ['maps'],
        summary: 'Take actors off a map (they stay in the workspace)',
        params: idParams,
        body: removeMembersBody,
        response: { 200: mapDetail, ...writeErrors },
      },
    },
    async (request) => {
      await mutate(
        app.db,
        request.params.ws,
        author(request),
        'update',
        (m: StoredMap) => `Removed actors from map “${m.name}”`,
        (ctx) => removeMembers(ctx, request.params.id, request.body.actorIds, basedOn(request, request.body.version)),
      );
      return app.db.read((tx) => loadMapDetail(tx, request.params.ws, request.params.id));
    },
  );

  app.patch(
    '/maps/:id/positions',
    {
      schema: {
        tags: ['maps'],
        summary: 'Move actors on a map in bulk (layout only: no version, not in history)',
        params: idParams,
        body: positionsUpdate,
        response: { 204: z.null(), ...writeErrors },
      },
    },
    async (request, reply) => {
      const moved = await app.db.write((tx) => savePositions(tx, request.params.ws, request.params.id, request.body.positions));
      if (moved === 0 && !(await app.db.read((tx) => mapStore.load(tx, request.params.ws, request.params.id)))) throw notFound('Map');
      return reply.code(204).send(null);
    },
  );
};
