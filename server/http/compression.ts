import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import { constants } from 'node:zlib';

/**
 * Compression for the large JSON answers only (graph, map, analysis), chosen per route with
 * `compress: compressed`: a 1,000-actor graph is 1.5 MB as JSON and a tenth of that
 * compressed. Not global: event streams must flush as they are written, and small answers
 * gain nothing. These answers echo no secret beside caller-chosen text (BREACH needs both),
 * and session cookies are SameSite, so compressing them leaks nothing an attacker can measure.
 */
export async function installCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, { global: false, encodings: ['br', 'gzip', 'deflate'] });
}

/** The route option that turns compression on (answers under 1 KB are sent as they are). */
// Brotli at quality 4: most of the size gain at a small part of the default's (11) CPU cost.
export const compressed = { threshold: 1024, brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } } };
