import { DomainError, type ErrorDetails, type ErrorKind } from '../domain/errors.js';

const MARK = '__powermapProblem';

/** A domain error, as data that crosses the thread boundary. */
export interface CarriedProblem {
  [MARK]: true;
  domain: { kind: ErrorKind; detail: string; extra: ErrorDetails };
}

export function isCarriedProblem(value: unknown): value is CarriedProblem {
  return typeof value === 'object' && value !== null && (value as Record<string, unknown>)[MARK] === true;
}

/** The error a carried one stands for, to throw again on the calling thread. */
export function uncarried(carried: CarriedProblem): DomainError {
  return new DomainError(carried.domain.kind, carried.domain.detail, carried.domain.extra);
}

/**
 * Wraps a task so that a domain error it throws (a validation error naming the field, a file
 * that cannot be imported) comes back as data: structured cloning keeps only an Error's
 * message, not its kind or field list.
 */
export function carryProblems<I, O>(task: (input: I) => O): (input: I) => O | CarriedProblem {
  return (input) => {
    try {
      return task(input);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return { [MARK]: true, domain: { kind: error.kind, detail: error.message, extra: error.extra } };
    }
  };
}
