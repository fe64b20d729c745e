import type { FieldError } from '../domain/errors.js';

export type { FieldError };

/**
 * An HTTP answer whose message is safe and useful to show to the caller, sent as problem
 * JSON. Code below the routes throws domain errors (server/domain/errors.ts) instead; the
 * error handler turns those into problems.
 */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
    readonly extra: { errors?: FieldError[]; current?: unknown; [key: string]: unknown } = {},
  ) {
    super(detail);
  }
}

export const badRequest = (detail: string, errors?: FieldError[]) => new Problem(400, 'Bad request', detail, errors ? { errors } : {});
export const unauthorized = (detail = 'Sign in first.') => new Problem(401, 'Unauthorized', detail);
export const forbidden = (detail: string) => new Problem(403, 'Forbidden', detail);
export const notFound = (what: string) => new Problem(404, 'Not found', `${what} was not found.`);
export const conflict = (detail: string, extra: Problem['extra'] = {}) => new Problem(409, 'Conflict', detail, extra);
/** `retryAfter` (seconds) is sent as the Retry-After header too. */
export const unavailable = (detail: string, retryAfter?: number) =>
  new Problem(503, 'Service unavailable', detail, retryAfter === undefined ? {} : { retryAfter });
