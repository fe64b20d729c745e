import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id } from '../domain/common.js';
import {
  importAccepted,
  importFormats,
  importJob,
  importJobList,
  importMapping,
  importMatches,
  type ImportFormat,
  type ImportMapping,
} from '../domain/import-job.js';
import { badRequest, notFound, Problem } from '../http/problem.js';
import { fetchLittleSis } from '../services/littlesis-fetch.js';
import { ImportRunner, uploadDir, writeSources } from '../services/import-jobs.js';
import type { Actor } from '../domain/actor.js';
import type { Relationship } from '../domain/relationship.js';
import { wsParams } from '../domain/common.js';
import { MAX_IMPORT_CONNECTIONS, MAX_IMPORT_ELEMENTS } from '../io/kumu-import.js';
import { insertActors, insertRelationships } from '../services/bulk.js';
import { mutate } from '../services/unit-of-work.js';
import { nameKeys } from '../repos/actors.js';
import { sourceKeys } from '../repos/sources.js';
import type { Source } from '../domain/source.js';
import { nowIso } from '../repos/entity-store.js';
import { author, errors, readErrors, writeErrors } from './helpers.js';

/**
 * What one import takes, as a body: a Kumu sheet of MAX_IMPORT_CONNECTIONS rows is about
 * 6 MB. Larger uploads are refused from their Content-Length before they are read, with a
 * 413 that says to split them; reading and checking a sheet runs on a worker thread.
 */
export const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;

const importBody = z
  .strictObject({
    elements: z
      .string()
      .max(IMPORT_BODY_LIMIT)
      .describe(
        `CSV text of the elements sheet (Label, Type, Description, Tags, …), at most ${MAX_IMPORT_ELEMENTS.toLocaleString('en')} rows`,
      ),
    connections: z
      .string()
      .max(IMPORT_BODY_LIMIT)
      .default('')
      .describe(`CSV text of the connections sheet (From, To, Type, …), at most ${MAX_IMPORT_CONNECTIONS.toLocaleString('en')} rows`),
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

const jobParams = wsParams.extend({ id });

const tooLarge = (mb: number) =>
  new Problem(413, 'Payload too large', `One import takes a file of at most ${mb} MB; split the file, or compress a spreadsheet as XLSX.`, {
    errors: [{ path: 'body.file', message: `at most ${mb} MB` }],
  });

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  const maxMb = app.config.IMPORT_MAX_MB;
  const maxBytes = maxMb * 1024 * 1024;
  const runner = new ImportRunner(app.db, app.workers, app.log, app.config.IMPORT_PART_RECORDS);
  app.addHook('onReady', async () => runner.start());
  app.addHook('onClose', () => runner.close());
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 1024 * 1024, parts: 12 } });

  /** The file part to a private temp file (streamed, never held in memory), and the fields. */
  const receive = async (request: FastifyRequest) => {
    if (!request.isMultipart()) {
      throw new Problem(
        415,
        'Unsupported media type',
        'Send the file as multipart/form-data with the fields file, format, and optionally mapping and dryRun.',
      );
    }
    await mkdir(uploadDir(), { recursive: true, mode: 0o700 });
    const fields: Record<string, string> = {};
    let file: { tmp: string; name: string } | null = null;
    try {
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          if (file) throw badRequest('Send one file per import.', [{ path: 'body.file', message: 'only one file' }]);
          const tmp = path.join(uploadDir(), `upload-${randomUUID()}`);
          file = { tmp, name: part.filename.slice(0, 200) };
          await pipeline(part.file, createWriteStream(tmp, { mode: 0o600 }));
          if (part.file.truncated) throw tooLarge(maxMb);
        } else fields[part.fieldname] = String(part.value);
      }
    } catch (error) {
      if (file) await rm(file.tmp, { force: true });
      const code = (error as { code?: string }).code;
      if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxMb);
      if (error instanceof Problem) throw error;
      // A malformed multipart body (cut short, a broken boundary) is the sender's to fix.
      throw badRequest(`The upload could not be read as multipart/form-data: ${(error as Error).message}`);
    }
    return { fields, file };
  };

  const uploadFields = z.object({
    format: z.enum(importFormats, { message: `must be one of ${importFormats.join(', ')}` }),
    dryRun: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    mapping: z.string().optional(),
    matches: z.string().optional(),
  });

  /** The multipart field `matches`: JSON of incoming name → existing actor id. */
  const matchesOf = (text: string | undefined) => {
    if (!text) return {};
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw badRequest('matches must be JSON.', [{ path: 'body.matches', message: 'is not JSON' }]);
    }
    const m = importMatches.safeParse(raw);
    if (!m.success)
      throw badRequest(
        `matches: ${m.error.issues[0]!.message}`,
        m.error.issues.map((i) => ({ path: ['body', 'matches', ...i.path.map(String)].join('.'), message: i.message })),
      );
    return m.data;
  };

  app.post(
    '/imports',
    {
      bodyLimit: maxBytes + 1024 * 1024,
      config: { heavy: true },
      schema: {
        tags: ['import'],
        summary: `Start an import of a file (multipart: file, format = ${importFormats.join(' | ')}, optional mapping as JSON, optional dryRun=true); at most ${maxMb} MB`,
        description:
          'Answers at once with the job’s id; GET /imports/:id tells its progress and outcome. A dry run reads, matches and checks everything and writes nothing. An import is written in one transaction: it is all there or absent.',
        params: wsParams,
        response: { 202: importAccepted, ...writeErrors, ...errors(413, 415, 422, 429, 503) },
      },
    },
    async (request, reply) => {
      const { fields, file } = await receive(request);
      try {
        if (!file) throw badRequest('Attach the file to import as the field “file”.', [{ path: 'body.file', message: 'is required' }]);
        const parsed = uploadFields.safeParse(fields);
        if (!parsed.success) {
          const issue = parsed.error.issues[0]!;
          throw badRequest(
            `${String(issue.path[0])}: ${issue.message}`,
            parsed.error.issues.map((i) => ({ path: `body.${i.path.join('.')}`, message: i.message })),
          );
        }
        let mapping: ImportMapping | null = null;
        if (parsed.data.mapping) {
          let raw: unknown;
          try {
            raw = JSON.parse(parsed.data.mapping);
          } catch {
            throw badRequest('mapping must be JSON.', [{ path: 'body.mapping', message: 'is not JSON' }]);
          }
          const m = importMapping.safeParse(raw);
          if (!m.success)
            throw badRequest(
              `mapping: ${m.error.issues[0]!.path.join('.')} ${m.error.issues[0]!.message}`,
              m.error.issues.map((i) => ({ path: ['body', 'mapping', ...i.path.map(String)].join('.'), message: i.message })),
            );
          mapping = m.data;
        }
        const jobId = await runner.submit(
          {
            ws: request.params.ws,
            userId: request.user!.id,
            author: author(request),
            format: parsed.data.format as ImportFormat,
            mapping,
            matches: matchesOf(parsed.data.matches),
            dryRun: parsed.data.dryRun,
            fileName: file.name || null,
          },
          (dest) => rename(file.tmp, dest),
        );
        return reply.code(202).send({ id: jobId });
      } finally {
        if (file) await rm(file.tmp, { force: true });
      }
    },
  );

  app.post(
    '/imports/littlesis',
    {
      config: { heavy: true },
      schema: {
        tags: ['import'],
        summary: 'Start an import of a LittleSis entity with its relationships and the entities at their other ends, fetched by the server',
        params: wsParams,
        body: z.strictObject({
          entity: z
            .string()
            .trim()
            .min(1)
            .max(500)
            .describe('A LittleSis entity URL (https://littlesis.org/entities/1164-Goldman_Sachs) or id'),
          dryRun: z.boolean().default(false),
          matches: importMatches.default({}),
        }),
        response: { 202: importAccepted, ...writeErrors, ...errors(422, 429, 502, 503) },
      },
    },
    async (request, reply) => {
      const json = await fetchLittleSis(app.config.LITTLESIS_URL, request.body.entity);
      const jobId = await runner.submit(
        {
          ws: request.params.ws,
          userId: request.user!.id,
          author: author(request),
          format: 'littlesis',
          mapping: null,
          matches: request.body.matches,
          dryRun: request.body.dryRun,
          fileName: `littlesis-${json.entityId}.json`,
        },
        (dest) => writeFile(dest, json.text, { mode: 0o600 }),
      );
      return reply.code(202).send({ id: jobId });
    },
  );

  app.get(
    '/imports',
    {
      config: { access: 'write' },
      schema: {
        tags: ['import'],
        summary: 'This workspace’s imports, newest first (the last 50)',
        params: wsParams,
        response: { 200: importJobList, ...readErrors, ...errors(403) },
      },
    },
    async (request) => ({ items: await runner.list(request.params.ws) }),
  );

  app.get(
    '/imports/:id',
    {
      config: { access: 'write' },
      schema: {
        tags: ['import'],
        summary: 'An import’s state, progress, counts and every failing row',
        params: jobParams,
        response: { 200: importJob, ...readErrors, ...errors(403) },
      },
    },
    async (request) => {
      const job = await runner.get(request.params.ws, request.params.id);
      if (!job) throw notFound('Import');
      return job;
    },
  );

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
        (r: { actors: number; relationships: number }) =>
          `Imported ${r.actors} actors and ${r.relationships} relationships from a spreadsheet`,
        async (ctx) => {
          const existing = await nameKeys(ctx.tx, ws);
          const sources = await sourceKeys(ctx.tx, ws);
          const plan = await app.workers.run('kumuImport', { elements, connections, existing, sources, now: nowIso() });
          await writeSources(ctx, JSON.parse(plan.sources) as Source[]);
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
