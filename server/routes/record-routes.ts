import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, versionQuery } from '../domain/common.js';
import { notFound } from '../domain/errors.js';
import type { Tx } from '../db/gateway.js';
import { mutate } from '../services/unit-of-work.js';
import type { WriteContext } from '../services/unit-of-work.js';
import { author, basedOn, readErrors, writeErrors } from './helpers.js';

type App = Parameters<FastifyPluginAsyncZod>[0];

/** How one kind of versioned record is read, changed and deleted, and how history names it. */
export interface RecordRoutes<R, P extends { version?: number }> {
  /** The collection's path, such as '/actions'; the record lives at `${path}/:id`. */
  path: string;
  tag: string;
  /** "action", "key date": in the OpenAPI summaries and in "… was not found". */
  noun: string;
  schema: z.ZodType<R>;
  patch: z.ZodType<P>;
  /** How history names the record after "Added", "Edited", "Deleted": `action “Rally at City Hall”`, `Maria Delgado`. */
  name: (record: R) => string;
  load?: (tx: Tx, ws: string, id: string) => Promise<R | null>;
  update: (ctx: WriteContext, id: string, patch: P) => Promise<R>;
  remove: (ctx: WriteContext, id: string, version: number | undefined) => Promise<R>;
  /** What a delete does beyond the usual, for the OpenAPI summary. */
  deleteSummary?: string;
  updateSummary?: string;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * GET, PATCH and DELETE of one versioned record: the same rules for every kind (the version
 * from the body or If-Match, one change in history per write, 204 on delete), written once.
 */
export function recordRoutes<R, P extends { version?: number }>(app: App, spec: RecordRoutes<R, P>) {
  const one = `${spec.path}/:id`;
  // Erased to a plain schema: the type provider cannot resolve a reply type through the generic R.
  const answer: z.ZodType = spec.schema;
  const patchBody: z.ZodType = spec.patch;
  const { load } = spec;
  if (load) {
    app.get(
      one,
      { schema: { tags: [spec.tag], summary: `One ${spec.noun}`, params: idParams, response: { 200: answer, ...readErrors } } },
      async (request, reply) => {
        const found = await app.db.read((tx) => load(tx, request.params.ws, request.params.id));
        if (!found) throw notFound(capital(spec.noun));
        return reply.send(found);
      },
    );
  }
  app.patch(
    one,
    {
      schema: {
        tags: [spec.tag],
        summary: spec.updateSummary ?? `Change a ${spec.noun} (send the version you edited)`,
        params: idParams,
        body: patchBody,
        response: { 200: answer, ...writeErrors },
      },
    },
    async (request, reply) => {
      const body = request.body as P;
      const patch = { ...body, version: basedOn(request, body.version) };
      const { result } = await mutate(
        app.db,
        request.params.ws,
        author(request),
        'update',
        (r: R) => `Edited ${spec.name(r)}`,
        (ctx) => spec.update(ctx, request.params.id, patch),
      );
      return reply.send(result);
    },
  );
  app.delete(
    one,
    {
      schema: {
        tags: [spec.tag],
        summary: spec.deleteSummary ?? `Delete a ${spec.noun} (revertible from history)`,
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
        (r: R) => `Deleted ${spec.name(r)}`,
        (ctx) => spec.remove(ctx, request.params.id, basedOn(request, request.query.version)),
      );
      return reply.code(204).send(null);
    },
  );
}

/** A create as one change in history, answered 201 with the record, in the request's workspace. */
export async function created<R>(
  request: FastifyRequest,
  reply: FastifyReply,
  name: (record: R) => string,
  work: (ctx: WriteContext) => Promise<R>,
) {
  const { ws } = request.params as { ws: string };
  const { result } = await mutate(request.server.db, ws, author(request), 'create', (r: R) => `Added ${name(r)}`, work);
  return reply.code(201).send(result);
}
