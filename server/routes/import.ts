import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor, ActorKind } from '../domain/actor.js';
import type { Relationship } from '../domain/relationship.js';
import { wsParams } from '../domain/common.js';
import { MAX_IMPORT_CONNECTIONS, MAX_IMPORT_ELEMENTS } from '../io/kumu-import.js';
import { insertActors, insertRelationships } from '../services/bulk.js';
import { mutate } from '../services/unit-of-work.js';
import { nowIso } from '../repos/store.js';
import { author, errors, writeErrors } from './helpers.js';

/**
 * What one import takes, as a body: a Kumu sheet of MAX_IMPORT_CONNECTIONS rows is about
 * 6 MB. Larger uploads are refused from their Content-Length before they are read, with a
 * 413 that says to split them; reading and checking a sheet runs on a worker thread.
 */
export const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;

const importBody = z
  .strictObject({
    elements: z.string().max(IMPORT_BODY_LIMIT).describe(`CSV text of the elements sheet (Label, Type, Description, Tags, …), at most ${MAX_IMPORT_ELEMENTS.toLocaleString('en')} rows`),
    connections: z.string().max(IMPORT_BODY_LIMIT).default('').describe(`CSV text of the connections sheet (From, To, Type, …), at most ${MAX_IMPORT_CONNECTIONS.toLocaleString('en')} rows`),
    dryRun: z.boolean().default(false).describe('Check everything and say what would happen, without saving'),
  })
  .meta({ id: 'KumuImport' });

const importResult = z.object({
  dryRun: z.boolean(),
  changeId: z.string().nullable(),
  actorsCreated: z.number().int(),
  relationshipsCreated: z.number().int(),
  matched: z.array(z.string()).describe('Labels that were already actors here, reused rather than duplicated'),
});

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/import/kumu',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      config: { heavy: true },
      schema: {
        tags: ['graph'],
        summary: `Import a spreadsheet in Kumu’s shape (elements and connections sheets) as one change, all or nothing; at most ${IMPORT_BODY_LIMIT / 1024 / 1024} MB`,
        params: wsParams,
        body: importBody,
        response: { 200: importResult, ...writeErrors, ...errors(413, 429, 503) },
      },
    },
    async (request) => {
      const { ws } = request.params;
      const { elements, connections, dryRun } = request.body;
      const { result, change } = await mutate(
        app.db,
        ws,
        author(request),
        'batch',
        (r: { actors: number; relationships: number }) => `Imported ${r.actors} actors and ${r.relationships} relationships from a spreadsheet`,
        async (ctx) => {
          const existing = (await ctx.tx.one<{ names: string[]; ids: string[]; kinds: ActorKind[] }>(
            'MATCH (a:Actor) WHERE a.workspaceId = $ws RETURN collect(a.nameKey) AS names, collect(a.id) AS ids, collect(a.kind) AS kinds',
            { ws },
          ))!;
          const plan = await app.workers.run('kumuImport', { elements, connections, existing, now: nowIso() });
          // Ids were generated for this import, so none can be taken already.
          for (const batch of plan.actorBatches) await insertActors(ctx, JSON.parse(batch) as Actor[], []);
          for (const batch of plan.relationshipBatches) await insertRelationships(ctx, JSON.parse(batch) as Relationship[], []);
          const summary = { actors: plan.actorCount, relationships: plan.relationshipCount, matched: plan.matched };
          // A dry run does all the checking, then undoes itself by failing the transaction.
          if (dryRun) throw new DryRun(summary);
          return summary;
        },
      ).catch((error: unknown) => {
        if (error instanceof DryRun) return { result: error.summary, change: null };
        throw error;
      });
      return {
        dryRun,
        changeId: change?.id ?? null,
        actorsCreated: result.actors,
        relationshipsCreated: result.relationships,
        matched: result.matched,
      };
    },
  );
};

class DryRun extends Error {
  constructor(readonly summary: { actors: number; relationships: number; matched: string[] }) {
    super('dry run');
  }
}
