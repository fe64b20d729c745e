import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { wsParams } from '../domain/common.js';
import { Problem } from '../http/problem.js';
import { parseKumu } from '../io/kumu.js';
import { bulkCreateActors, bulkCreateRelationships } from '../services/bulk.js';
import { mutate } from '../services/unit-of-work.js';
import { author, writeErrors } from './helpers.js';

const importBody = z
  .strictObject({
    elements: z.string().max(20_000_000).describe('CSV text of the elements sheet (Label, Type, Description, Tags, …)'),
    connections: z.string().max(50_000_000).default('').describe('CSV text of the connections sheet (From, To, Type, …)'),
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
      bodyLimit: 80 * 1024 * 1024,
      schema: {
        tags: ['graph'],
        summary: 'Import a spreadsheet in Kumu’s shape (elements and connections sheets) as one change, all or nothing',
        params: wsParams,
        body: importBody,
        response: { 200: importResult, ...writeErrors },
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
          const rows = await ctx.tx.query<{ name: string; id: string; kind: 'person' | 'organization' }>(
            'MATCH (a:Actor) WHERE a.workspaceId = $ws RETURN a.nameKey AS name, a.id AS id, a.kind AS kind',
            { ws },
          );
          const existing = new Map(rows.map((r) => [r.name, { id: r.id, kind: r.kind }]));
          const parsed = parseKumu(elements, connections, existing);
          if (parsed.errors.length) {
            const first = parsed.errors[0]!;
            throw new Problem(400, 'Validation failed', `${first.path}: ${first.message}${parsed.errors.length > 1 ? ` (and ${parsed.errors.length - 1} more)` : ''}. Nothing was imported.`, {
              errors: parsed.errors.slice(0, 200),
            });
          }
          if (parsed.actors.length) await bulkCreateActors(ctx, parsed.actors.map((input, i) => ({ input, prefix: `body.elements.row ${i + 2}` })));
          if (parsed.relationships.length) {
            await bulkCreateRelationships(ctx, parsed.relationships.map((input, i) => ({ input, prefix: `body.connections.row ${i + 2}` })));
          }
          const summary = { actors: parsed.actors.length, relationships: parsed.relationships.length, matched: parsed.matched };
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
