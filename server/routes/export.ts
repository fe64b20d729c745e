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
import { readExport, type ExportSelection } from '../services/exports.js';
import { readErrors } from './helpers.js';

type Render = (s: ExportSelection) => string | Promise<Buffer>;

/** Each format's media type, file ending and writer (domain/export.ts says what opens each). */
const formats: Record<ExportFormat, { type: string; ext: string; render: Render }> = {
  backup: { type: 'application/json', ext: 'backup.json', render: (s) => JSON.stringify(s.document) },
  json: { type: 'application/json', ext: 'json', render: (s) => JSON.stringify(s.document, null, 1) },
  'actors-csv': { type: 'text/csv', ext: 'actors.csv', render: (s) => actorsCsv(s.graph) },
  'relationships-csv': { type: 'text/csv', ext: 'relationships.csv', render: (s) => relationshipsCsv(s.graph) },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx', render: (s) => toXlsx(s.graph) },
  graphml: { type: 'application/graphml+xml', ext: 'graphml', render: (s) => toGraphml(s.graph) },
  gexf: { type: 'application/gexf+xml', ext: 'gexf', render: (s) => toGexf(s.graph) },
  cytoscape: { type: 'application/json', ext: 'cyjs', render: (s) => toCytoscape(s.graph) },
  ftm: { type: 'application/x-ndjson', ext: 'ftm.json', render: (s) => toFtm(s.graph) },
};

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
      const spec = formats[format];
      const selection = await app.db.read((tx) =>
        readExport(tx, ws, { mapId: format === 'backup' ? undefined : map, history: format === 'backup' && history }),
      );
      const body = await spec.render(selection);
      const name =
        selection.graph.name
          .replace(/[^\w\- ]+/g, '')
          .trim()
          .replace(/\s+/g, '-')
          .toLowerCase() || 'powermap';
      return (
        reply
          .type(spec.type.startsWith('application/vnd') ? spec.type : `${spec.type}; charset=utf-8`)
          .header('content-disposition', `attachment; filename="${name}.${spec.ext}"`)
          .serializer((payload: unknown) => payload as string)
          // XLSX is a Buffer, which Fastify sends as it is; the schema describes the file as text for the docs.
          .send(body as string)
      );
    },
  );
};
