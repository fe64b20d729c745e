import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { problemSchema } from '../domain/common.js';
import { badRequest } from '../http/problem.js';
import type { Author } from '../services/changes.js';

/** Problem responses for the OpenAPI document. */
export function errors(...codes: number[]) {
  return Object.fromEntries(codes.map((code) => [code, problemSchema])) as Record<number, typeof problemSchema>;
}

/** The usual errors of a route inside a workspace. */
export const readErrors = errors(400, 401, 404);
export const writeErrors = errors(400, 401, 403, 404, 409, 428);

export function author(request: FastifyRequest): Author | null {
  return request.user ? { id: request.user.id, name: request.user.name } : null;
}

/** The version a write was based on: the body's `version`, or the If-Match header ("3", W/"3"). */
export function basedOn(request: FastifyRequest, bodyVersion?: number): number | undefined {
  if (bodyVersion !== undefined) return bodyVersion;
  const header = request.headers['if-match'];
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(String(header).trim());
  if (!match)
    throw badRequest('If-Match must hold the version number you edited, such as If-Match: "3".', [
      { path: 'headers.if-match', message: 'must be a version number' },
    ]);
  return Number(match[1]);
}

export const noContent = z.null().describe('No content');

/** Opaque page cursors: the sort key of the last item, base64url-encoded JSON. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): unknown[] | null {
  if (!cursor) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    // Only strings: a cursor's parts are compared in Cypher, where a map or list is an error.
    if (Array.isArray(key) && key.length === arity && key.every((part) => typeof part === 'string')) return key;
  } catch {
    // fall through to the problem below
  }
  throw badRequest('That cursor is not one this API gave out; start again without it.', [
    { path: 'querystring.cursor', message: 'is not a valid cursor' },
  ]);
}

/** A page from `limit + 1` rows: the extra row only tells that there is a next page. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (last: T) => unknown[]) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}
