import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { wsParams } from '../domain/common.js';
import { luceneQuery } from '../domain/lucene.js';
import { searchQuery, searchResult } from '../domain/search.js';
import { ACTOR, actorFromRow } from '../repos/actors.js';
import { readErrors } from './helpers.js';

const FILTERS = `a.workspaceId = $ws
  AND ($kind IS NULL OR a.kind = $kind) AND ($role IS NULL OR $role IN a.roles)
  AND ($sector IS NULL OR a.sector = $sector) AND ($tag IS NULL OR $tag IN a.tags)
  AND ($powerMin IS NULL OR a.power >= $powerMin) AND ($powerMax IS NULL OR a.power <= $powerMax)
  AND ($alignmentMin IS NULL OR a.alignment >= $alignmentMin) AND ($alignmentMax IS NULL OR a.alignment <= $alignmentMax)`;

export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Find actors by name, alias or description (typo-tolerant), with filters; exact name matches first',
        params: wsParams,
        querystring: searchQuery,
        response: { 200: searchResult, ...readErrors },
      },
    },
    async (request) => {
      const { q, limit, ...filters } = request.query;
      const params = {
        ws: request.params.ws,
        kind: filters.kind ?? null,
        role: filters.role ?? null,
        sector: filters.sector ?? null,
        tag: filters.tag ?? null,
        powerMin: filters.powerMin ?? null,
        powerMax: filters.powerMax ?? null,
        alignmentMin: filters.alignmentMin ?? null,
        alignmentMax: filters.alignmentMax ?? null,
        exact: q.trim().toLowerCase(),
        query: luceneQuery(q),
        limit,
      };
      const rows = await app.db.read((tx) =>
        params.query
          ? tx.query<{ a: Record<string, unknown>; score: number }>(
              `CALL db.index.fulltext.queryNodes('actor_search', $query) YIELD node AS a, score
               WHERE ${FILTERS}
               WITH a, score, CASE WHEN a.nameKey = $exact OR $exact IN [x IN a.aliases | toLower(x)] THEN 1 ELSE 0 END AS exactMatch
               ORDER BY exactMatch DESC, score DESC, a.nameKey LIMIT $limit
               RETURN a ${ACTOR} AS a, score + exactMatch * 1000 AS score`,
              params,
            )
          : tx.query<{ a: Record<string, unknown>; score: number }>(
              `MATCH (a:Actor) WHERE ${FILTERS}
               WITH a ORDER BY coalesce(a.power, -1) DESC, a.nameKey LIMIT $limit
               RETURN a ${ACTOR} AS a, 0.0 AS score`,
              params,
            ),
      );
      return { items: rows.map((r) => ({ ...actorFromRow(r.a), score: r.score })) };
    },
  );
};
