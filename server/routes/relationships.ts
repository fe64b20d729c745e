import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, page, pageQuery, versionQuery, wsParams } from '../domain/common.js';
import {
  relationship,
  relationshipCreate,
  relationshipListQuery,
  relationshipPatch,
  relationshipRules,
  type Relationship,
  type RelationshipPatch,
} from '../domain/relationship.js';
import { notFound } from '../http/problem.js';
import { listRelationships, relationshipStore } from '../repos/relationships.js';
import { createRelationship, deleteRelationship, updateRelationship } from '../services/relationships.js';
import { mutate } from '../services/unit-of-work.js';
import { author, basedOn, decodeCursor, pageOf, readErrors, writeErrors } from './helpers.js';

const said = (r: Relationship) => `${relationshipRules[r.type].label} (${r.type})`;

export const relationshipRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/relationships',
    {
      schema: {
        tags: ['relationships'],
        summary: 'List relationships; `uncited=true` lists the claims that cite no source',
        params: wsParams,
        querystring: pageQuery.extend(relationshipListQuery.shape),
        response: { 200: page(relationship), ...readErrors },
      },
    },
    async (request) => {
      const { cursor, limit, ...filters } = request.query;
      const after = decodeCursor(cursor, 1) as [string] | null;
      const items = await app.db.read((tx) =>
        listRelationships(tx, request.params.ws, filters, { after: after?.[0] ?? null, limit: limit + 1 }),
      );
      return pageOf(items, limit, (item) => [item.id]);
    },
  );

  app.post(
    '/relationships',
    {
      schema: {
        tags: ['relationships'],
        summary: 'Create a typed relationship between two actors',
        params: wsParams,
        body: relationshipCreate,
        response: { 201: relationship, ...writeErrors },
      },
    },
    async (request, reply) => {
      const { result } = await mutate(
        app.db,
        request.params.ws,
        author(request),
        'create',
        (r: Relationship) => `Added a tie: ${said(r)}`,
        (ctx) => createRelationship(ctx, request.body),
      );
      return reply.code(201).send(result);
    },
  );

  app.get(
    '/relationships/:id',
    { schema: { tags: ['relationships'], summary: 'One relationship', params: idParams, response: { 200: relationship, ...readErrors } } },
    async (request) => {
      const found = await app.db.read((tx) => relationshipStore.load(tx, request.params.ws, request.params.id));
      if (!found) throw notFound('Relationship');
      return found;
    },
  );

  app.patch(
    '/relationships/:id',
    {
      schema: {
        tags: ['relationships'],
        summary: 'Change a relationship (send the version you edited)',
        params: idParams,
        body: relationshipPatch,
        response: { 200: relationship, ...writeErrors },
      },
    },
    async (request) => {
      const body = request.body as RelationshipPatch;
      const patch = { ...body, version: basedOn(request, body.version) };
      const { result } = await mutate(
        app.db,
        request.params.ws,
        author(request),
        'update',
        (r: Relationship) => `Edited a tie: ${said(r)}`,
        (ctx) => updateRelationship(ctx, request.params.id, patch),
      );
      return result;
    },
  );

  app.delete(
    '/relationships/:id',
    {
      schema: {
        tags: ['relationships'],
        summary: 'Delete a relationship (revertible from history)',
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
        (r: Relationship) => `Deleted a tie: ${said(r)}`,
        (ctx) => deleteRelationship(ctx, request.params.id, basedOn(request, request.query.version)),
      );
      return reply.code(204).send(null);
    },
  );
};
