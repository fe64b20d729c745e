import type { z } from 'zod';

/** A value the caller got wrong, named by where it sits: "body.strength", "querystring.to". */
export interface FieldError {
  path: string;
  message: string;
}

/** What an error carries besides its sentence: the fields at fault, the current record, when to retry. */
export interface ErrorDetails {
  errors?: FieldError[];
  current?: unknown;
  [key: string]: unknown;
}

export type ErrorKind =
  | 'invalid'
  | 'validation'
  | 'unauthorized'
  | 'abandoned'
  | 'not-found'
  | 'conflict'
  | 'mismatch'
  | 'version-required'
  | 'forbidden'
  | 'gone'
  | 'unavailable'
  | 'too-many'
  | 'too-large'
  | 'unusable'
  | 'mapping-needed'
  | 'timeout'
  | 'upstream';

/**
 * A condition of the domain or the database, told in words the caller can act on. Code below
 * the HTTP layer (gateway, repositories, services, analysis) throws these; the one error
 * handler (server/http/error-handler.ts) decides the status and the problem body, so whoever
 * calls a service outside HTTP (a script, a worker) can tell a conflict from a missing record.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    detail: string,
    readonly extra: ErrorDetails = {},
  ) {
    super(detail);
    this.name = 'DomainError';
  }

  /** The same error told differently (a batch says which operation failed). */
  reworded(detail: string): DomainError {
    return new DomainError(this.kind, detail, this.extra);
  }
}

/** The request asks for something the rules refuse (same actor at both ends, a repeated member). */
export class Invalid extends DomainError {
  constructor(detail: string, errors?: FieldError[]) {
    super('invalid', detail, errors ? { errors } : {});
  }
}

/** A record did not satisfy its schema; `errors` names every field. */
export class ValidationFailed extends DomainError {
  constructor(detail: string, errors: FieldError[]) {
    super('validation', detail, { errors });
  }
}

export class NotFound extends DomainError {
  constructor(detail: string, extra: ErrorDetails = {}) {
    super('not-found', detail, extra);
  }
}

/** Someone else changed it, it would duplicate something unique, or it breaks a rule of state. */
export class Conflict extends DomainError {
  constructor(detail: string, extra: ErrorDetails = {}) {
    super('conflict', detail, extra);
  }
}

/** A request repeated with the same idempotency key but a different body. */
export class Mismatch extends DomainError {
  constructor(detail: string) {
    super('mismatch', detail);
  }
}

/** A service we call (LittleSis) failed or answered something we cannot read. */
export class Upstream extends DomainError {
  constructor(detail: string) {
    super('upstream', detail);
  }
}

/** A change that must say which version it was based on did not. */
export class VersionRequired extends DomainError {
  constructor(detail: string) {
    super('version-required', detail);
  }
}

export class Forbidden extends DomainError {
  constructor(detail: string) {
    super('forbidden', detail);
  }
}

/** It existed, and is gone for good (a used or withdrawn invite). */
export class Gone extends DomainError {
  constructor(detail: string) {
    super('gone', detail);
  }
}

/** The database cannot be used now; `retryAfter` is in seconds. */
export class Unavailable extends DomainError {
  constructor(detail: string, retryAfter?: number) {
    super('unavailable', detail, retryAfter === undefined ? {} : { retryAfter });
  }
}

/** The database ended a unit of work because its time budget ran out. */
export class Timeout extends DomainError {
  constructor(detail = 'The database took too long to answer; try again, or ask a narrower question.') {
    super('timeout', detail);
  }
}

export const notFound = (what: string) => new NotFound(`${what} was not found.`);
export const conflict = (detail: string, extra: ErrorDetails = {}) => new Conflict(detail, extra);
export const invalid = (detail: string, errors?: FieldError[]) => new Invalid(detail, errors);
export const forbidden = (detail: string) => new Forbidden(detail);

/** A zod failure as the same answer the request validator gives. */
export function validationError(error: z.ZodError, prefix = 'body'): ValidationFailed {
  const errors = error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
  const first = errors[0]!;
  return new ValidationFailed(`${first.path}: ${first.message}`, errors);
}

/** Parses or throws ValidationFailed naming the fields (`prefix` says where they sit in the request). */
export function parseOrInvalid<T extends z.ZodType>(schema: T, value: unknown, prefix = 'body'): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error, prefix);
  return result.data;
}

/** Nobody is signed in, or the credential is no good (a revoked or expired token). */
export class Unauthorized extends DomainError {
  constructor(detail = 'Sign in first.') {
    super('unauthorized', detail);
  }
}

/** The caller hung up before the answer was ready, and the work was stopped. */
export class Abandoned extends DomainError {
  constructor(detail = 'The caller hung up before the answer was ready; the work was stopped.') {
    super('abandoned', detail);
  }
}

/** One caller has too much under way at once; `retryAfter` (seconds) says when to come back. */
export class TooMany extends DomainError {
  constructor(detail: string, retryAfter: number) {
    super('too-many', detail, { retryAfter });
  }
}

/** What was sent is more than one request takes; `errors` names the part. */
export class TooLarge extends DomainError {
  constructor(detail: string, extra: ErrorDetails = {}) {
    super('too-large', detail, extra);
  }
}

/** A file that parses (or not) but cannot be imported as it is; the sentence says why. */
export class Unusable extends DomainError {
  constructor(detail: string, extra: ErrorDetails = {}) {
    super('unusable', detail, extra);
  }
}

/** A table whose columns cannot be guessed: the caller must say which columns mean what. */
export class MappingNeeded extends DomainError {
  constructor(detail: string, extra: ErrorDetails = {}) {
    super('mapping-needed', detail, extra);
  }
}
