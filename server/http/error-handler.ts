import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, type ErrorKind } from '../domain/errors.js';
import { Problem, type FieldError } from './problem.js';

const slug = (title: string) => title.toLowerCase().replace(/[^a-z0-9]+/g, '-');

export function sendProblem(reply: FastifyReply, problem: Problem) {
  const { errors, ...extra } = problem.extra;
  // A problem that knows when to come back (the database is unreachable) says so in the header too.
  if (typeof extra.retryAfter === 'number' && (problem.status === 503 || problem.status === 429)) {
    reply.header('retry-after', String(Math.max(0, Math.ceil(extra.retryAfter))));
  }
  return reply
    .code(problem.status)
    .type('application/problem+json')
    .send({
      type: `urn:powermap:problem:${slug(problem.title)}`,
      title: problem.title,
      status: problem.status,
      detail: problem.message,
      ...(errors ? { errors } : {}),
      ...extra,
    });
}

/** How each domain condition is answered over HTTP. */
const answers: Record<ErrorKind, { status: number; title: string }> = {
  invalid: { status: 400, title: 'Bad request' },
  validation: { status: 400, title: 'Validation failed' },
  unauthorized: { status: 401, title: 'Unauthorized' },
  abandoned: { status: 499, title: 'Client closed request' },
  forbidden: { status: 403, title: 'Forbidden' },
  'not-found': { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflict' },
  mismatch: { status: 422, title: 'Repeated request differs' },
  upstream: { status: 502, title: 'Bad gateway' },
  gone: { status: 410, title: 'Gone' },
  'version-required': { status: 428, title: 'Version required' },
  unavailable: { status: 503, title: 'Service unavailable' },
  'too-many': { status: 429, title: 'Too many requests' },
  'too-large': { status: 413, title: 'Payload too large' },
  unusable: { status: 422, title: 'Unusable file' },
  'mapping-needed': { status: 422, title: 'Mapping needed' },
  timeout: { status: 503, title: 'Service unavailable' },
};

/** The problem a domain error is answered with: same sentence, same details. */
export function problemOf(error: DomainError): Problem {
  const { status, title } = answers[error.kind];
  return new Problem(status, title, error.message, error.extra);
}

/** "body.strength" from the request part and the JSON pointer of the failing value. */
function fieldPath(context: string | undefined, instancePath: string): string {
  const inner = instancePath.replace(/^\//, '').replace(/\//g, '.');
  return [context, inner].filter(Boolean).join('.');
}

/**
 * The one error handler: problems and 4xx framework errors are told to the caller with a
 * message they can act on; anything else is logged and answered generically.
 */
export function installErrorHandler(app: FastifyInstance, options: { appShell?: (reply: FastifyReply) => FastifyReply } = {}) {
  app.setErrorHandler((error: FastifyError | Problem | DomainError, request, reply) => {
    if (error instanceof Problem) return sendProblem(reply, error);
    if (error instanceof DomainError) return sendProblem(reply, problemOf(error));
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context = (error as FastifyError).validationContext;
      const errors: FieldError[] = error.validation.map((issue) => ({
        path: fieldPath(context, issue.instancePath),
        message: issue.message ?? 'is invalid',
      }));
      const first = errors[0]!;
      const detail = `${first.path || context || 'request'}: ${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`;
      return sendProblem(reply, new Problem(400, 'Validation failed', detail, { errors }));
    }
    const status = (error as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) {
      return sendProblem(reply, new Problem(status, titleFor(status), error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    if (status === 503) return sendProblem(reply, new Problem(503, 'Service unavailable', error.message));
    return sendProblem(reply, new Problem(500, 'Internal error', 'Something went wrong on our side; it has been logged.'));
  });

  // Fastify allows one not-found handler per prefix, so the client's page fallback lives here too.
  app.setNotFoundHandler((request, reply) => {
    if (options.appShell && request.method === 'GET' && !request.url.startsWith('/api/')) return options.appShell(reply);
    return sendProblem(reply, new Problem(404, 'Not found', `There is no ${request.method} ${request.url.split('?')[0]}.`));
  });
}

/**
 * Errors the router raises before any route runs, as problems like every other answer: a
 * malformed percent-escape or a path part longer than any id is the caller's to fix.
 */
export function frameworkProblem(error: FastifyError): Problem {
  switch (error.code) {
    case 'FST_ERR_BAD_URL':
      return new Problem(400, 'Bad request', 'The path holds a malformed percent-escape (such as a lone "%").', {
        errors: [{ path: 'params', message: 'is not validly percent-encoded' }],
      });
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new Problem(400, 'Bad request', 'A part of the path is longer than any id or email this API takes.', {
        errors: [{ path: 'params', message: 'is too long' }],
      });
    default:
      return new Problem(500, 'Internal error', 'Something went wrong on our side; it has been logged.');
  }
}

function titleFor(status: number): string {
  switch (status) {
    case 400:
      return 'Bad request';
    case 401:
      return 'Unauthorized';
    case 403:
      return 'Forbidden';
    case 404:
      return 'Not found';
    case 409:
      return 'Conflict';
    case 413:
      return 'Payload too large';
    case 415:
      return 'Unsupported media type';
    case 429:
      return 'Too many requests';
    default:
      return 'Request error';
  }
}
