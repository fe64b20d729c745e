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
import { REL, relationshipFromRow, relationshipStore, TYPE_UNION, assertType } from '../repos/relationships.js';
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
      const { cursor, limit, type, actor, uncited } = request.query;
      const after = decodeCursor(cursor, 1) as [string] | null;
      if (type) assertType(type);
      const pattern = type ?? TYPE_UNION;
      // Starting from one actor uses its adjacency; otherwise every actor of the workspace.
      const match = actor
        ? `MATCH (x:Actor {id: $actor}) WHERE x.workspaceId = $ws MATCH (x)-[r:${pattern}]-(:Actor) WITH DISTINCT r`
        : `MATCH (x:Actor)-[r:${pattern}]->(:Actor) WHERE x.workspaceId = $ws WITH r`;
      const rows = await app.db.read((tx) =>
        tx.query<{ r: Record<string, unknown> }>(
          `${match}
           WHERE ($uncited = false OR size(coalesce(r.sourceIds, [])) = 0) AND ($after IS NULL OR r.id > $after)
           WITH r, startNode(r) AS a, endNode(r) AS b WHERE a:Actor AND b:Actor
           RETURN ${REL} AS r ORDER BY r.id LIMIT $limit`,
          { ws: request.params.ws, actor: actor ?? null, uncited: uncited ?? false, after: after?.[0] ?? null, limit: limit + 1 },
        ),
      );
      return pageOf(rows.map((r) => relationshipFromRow(r.r)), limit, (item) => [item.id]);
    },
  );

  app.post(
    '/relationships',
    { schema: { tags: ['relationships'], summary: 'Create a typed relationship between two actors', params: wsParams, body: relationshipCreate, response: { 201: relationship, ...writeErrors } } },
    async (request, reply) => {
      const { result } = await mutate(app.db, request.params.ws, author(request), 'create', (r: Relationship) => `Added a tie: ${said(r)}`, (ctx) =>
        createRelationship(ctx, request.body),
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
    { schema: { tags: ['relationships'], summary: 'Change a relationship (send the version you edited)', params: idParams, body: relationshipPatch, response: { 200: relationship, ...writeErrors } } },
    async (request) => {
      const body = request.body as RelationshipPatch;
      const patch = { ...body, version: basedOn(request, body.version) };
      const { result } = await mutate(app.db, request.params.ws, author(request), 'update', (r: Relationship) => `Edited a tie: ${said(r)}`, (ctx) =>
        updateRelationship(ctx, request.params.id, patch),
      );
      return result;
    },
  );

  app.delete(
    '/relationships/:id',
    { schema: { tags: ['relationships'], summary: 'Delete a relationship (revertible from history)', params: idParams, querystring: versionQuery, response: { 204: z.null(), ...writeErrors } } },
    async (request, reply) => {
      await mutate(app.db, request.params.ws, author(request), 'delete', (r: Relationship) => `Deleted a tie: ${said(r)}`, (ctx) =>
        deleteRelationship(ctx, request.params.id, basedOn(request, request.query.version)),
      );
      return reply.code(204).send(null);
    },
  );
};
