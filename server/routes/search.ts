import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { wsParams } from '../domain/common.js';
import { searchQuery, searchResult } from '../domain/search.js';
import { searchActors } from '../repos/actors.js';
import { readErrors } from './helpers.js';

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
    async (request) => ({ items: await app.db.read((tx) => searchActors(tx, request.params.ws, request.query)) }),
  );
};
