import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id, wsParams } from '../domain/common.js';
import { notFound } from '../http/problem.js';
import { actorsCsv, relationshipsCsv } from '../io/csv.js';
import { toGexf } from '../io/gexf.js';
import { toGraphml } from '../io/graphml.js';
import { loadGraph } from '../repos/graph.js';
import { readErrors } from './helpers.js';

const formats = {
  graphml: { type: 'application/graphml+xml', ext: 'graphml', render: toGraphml },
  gexf: { type: 'application/gexf+xml', ext: 'gexf', render: toGexf },
  'actors-csv': { type: 'text/csv', ext: 'actors.csv', render: actorsCsv },
  'relationships-csv': { type: 'text/csv', ext: 'relationships.csv', render: relationshipsCsv },
  json: { type: 'application/json', ext: 'json', render: (g: Parameters<typeof toGraphml>[0]) => JSON.stringify(g, null, 2) },
} as const;

export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/export',
    {
      schema: {
        tags: ['graph'],
        summary: 'Download the workspace (or one map) for Gephi, Cytoscape desktop, networkx or a spreadsheet',
        description: 'GraphML and GEXF keep types, strength, power and alignment as attributes; the CSV sheets follow Kumu’s elements/connections shape.',
        params: wsParams,
        querystring: z.object({ format: z.enum(Object.keys(formats) as [keyof typeof formats]), map: id.optional() }),
        response: { 200: z.string(), ...readErrors },
      },
    },
    async (request, reply) => {
      const { ws } = request.params;
      const { format, map } = request.query;
      const result = await app.db.read(async (tx) => {
        const workspace = await tx.one<{ name: string }>('MATCH (w:Workspace {id: $ws}) RETURN w.name AS name', { ws });
        const mapName = map ? (await tx.one<{ name: string }>('MATCH (m:Map {id: $map}) WHERE m.workspaceId = $ws RETURN m.name AS name', { ws, map }))?.name : undefined;
        if (map && !mapName) throw notFound('Map');
        const graph = await loadGraph(tx, ws, map ? { mapId: map } : {});
        return { name: mapName ?? workspace!.name, actors: graph.actors, relationships: graph.relationships };
      });
      const spec = formats[format];
      const file = `${result.name.replace(/[^\w\- ]+/g, '').trim().replace(/\s+/g, '-').toLowerCase() || 'powermap'}.${spec.ext}`;
      return reply
        .type(`${spec.type}; charset=utf-8`)
        .header('content-disposition', `attachment; filename="${file}"`)
        .serializer((payload: unknown) => payload as string)
        .send(spec.render(result));
    },
  );
};
