import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id, wsParams } from '../domain/common.js';
import { exportFormatIds, type ExportFormat } from '../domain/export.js';
import { actorsCsv, relationshipsCsv } from '../io/csv.js';
import { toCytoscape } from '../io/cytoscape.js';
import { toFtm } from '../io/ftm.js';
import { toGexf } from '../io/gexf.js';
import { toGraphml } from '../io/graphml.js';
import { toXlsx } from '../io/xlsx.js';
import type { GraphExport } from '../io/export-model.js';
import { readExport, type ExportSelection } from '../services/exports.js';
import { readErrors } from './helpers.js';

interface FileKind<In> {
  type: string;
  ext: string;
  render: (input: In) => string | Promise<Buffer>;
}

/** Formats made from the graph alone: what a partner may download of a shared map. */
const graphFormats = {
  'actors-csv': { type: 'text/csv', ext: 'actors.csv', render: actorsCsv },
  'relationships-csv': { type: 'text/csv', ext: 'relationships.csv', render: relationshipsCsv },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx', render: toXlsx },
  graphml: { type: 'application/graphml+xml', ext: 'graphml', render: toGraphml },
  gexf: { type: 'application/gexf+xml', ext: 'gexf', render: toGexf },
  cytoscape: { type: 'application/json', ext: 'cyjs', render: toCytoscape },
  ftm: { type: 'application/x-ndjson', ext: 'ftm.json', render: toFtm },
} satisfies Record<Exclude<ExportFormat, 'backup' | 'json'>, FileKind<GraphExport>>;
export type GraphFormat = keyof typeof graphFormats;
export const graphFormatIds = Object.keys(graphFormats) as [GraphFormat, ...GraphFormat[]];

/** Each format's media type, file ending and writer (domain/export.ts says what opens each). */
const formats: Record<ExportFormat, FileKind<ExportSelection>> = {
  backup: { type: 'application/json', ext: 'backup.json', render: (s) => JSON.stringify(s.document) },
  json: { type: 'application/json', ext: 'json', render: (s) => JSON.stringify(s.document, null, 1) },
  ...(Object.fromEntries(
    Object.entries(graphFormats).map(([id, f]) => [id, { ...f, render: (s: ExportSelection) => f.render(s.graph) }]),
  ) as Record<GraphFormat, FileKind<ExportSelection>>),
};

/** Sends a file as a download named after what it holds. */
export async function sendFile<In>(reply: FastifyReply, kind: FileKind<In>, input: In, title: string) {
  const body = await kind.render(input);
  const name =
    title
      .replace(/[^\w\- ]+/g, '')
      .trim()
      .replace(/\s+/g, '-')
      .toLowerCase() || 'powermap';
  return (
    reply
      .type(kind.type.startsWith('application/vnd') ? kind.type : `${kind.type}; charset=utf-8`)
      .header('content-disposition', `attachment; filename="${name}.${kind.ext}"`)
      .serializer((payload: unknown) => payload as string)
      // XLSX is a Buffer, which Fastify sends as it is; the schema describes the file as text for the docs.
      .send(body as string)
  );
}

export const graphFile = (format: GraphFormat) => graphFormats[format];

export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/export',
    {
      schema: {
        tags: ['graph'],
        summary:
          'Download the workspace (or one map): a backup, JSON, CSV or XLSX sheets, GraphML, GEXF, Cytoscape.js JSON or FollowTheMoney entities',
        description:
          'backup: everything the workspace is, with its change history (docs/backup-format.md), restorable with POST /api/workspaces/restore. ' +
          'json: the same format without history, for the workspace or one map. actors-csv, relationships-csv, xlsx: Kumu’s elements and connections sheets, names in From and To, that the import reads back. ' +
          'graphml, gexf: for Gephi, Cytoscape desktop and networkx, every field an attribute. cytoscape: Cytoscape.js elements JSON (.cyjs). ftm: FollowTheMoney entities, one a line. ' +
          'The exports are for the workspace’s members and hold its internal fields, marked as such (not ftm, which is made to be shared).',
        params: wsParams,
        querystring: z.object({
          format: z.enum(exportFormatIds),
          map: id.optional().describe('Only this map: its actors and the ties among them (not for backup)'),
          history: z
            .enum(['true', 'false'])
            .default('true')
            .transform((v) => v === 'true')
            .describe('backup: include the change history'),
        }),
        response: { 200: z.string(), ...readErrors },
      },
    },
    async (request, reply) => {
      const { ws } = request.params;
      const { format, map, history } = request.query;
      const selection = await app.db.read((tx) =>
        readExport(tx, ws, { mapId: format === 'backup' ? undefined : map, history: format === 'backup' && history }),
      );
      return sendFile(reply, formats[format], selection, selection.graph.name);
    },
  );
};
