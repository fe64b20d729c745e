import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { page, pageQuery, wsParams } from '../domain/common.js';
import {
  relationship,
  relationshipCreate,
  relationshipListQuery,
  relationshipPatch,
  relationshipRules,
  type Relationship,
} from '../domain/relationship.js';
import { listRelationships, relationshipStore } from '../repos/relationships.js';
import { createRelationship, deleteRelationship, updateRelationship } from '../services/relationships.js';
import { mutate } from '../services/unit-of-work.js';
import { recordRoutes } from './record-routes.js';
import { author, decodeCursor, pageOf, readErrors, writeErrors } from './helpers.js';

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

  recordRoutes(app, {
    path: '/relationships',
    tag: 'relationships',
    noun: 'relationship',
    schema: relationship,
    patch: relationshipPatch,
    name: (r: Relationship) => `a tie: ${said(r)}`,
    load: relationshipStore.load,
    update: updateRelationship,
    remove: deleteRelationship,
  });
};
