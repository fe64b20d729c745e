import { DomainError, type ErrorDetails, type ErrorKind } from '../domain/errors.js';
import { Problem } from '../http/problem.js';

const MARK = '__powermapProblem';

interface CarriedHttpProblem {
  [MARK]: true;
  problem: { status: number; title: string; detail: string; extra: Problem['extra'] };
}

interface CarriedDomainError {
  [MARK]: true;
  domain: { kind: ErrorKind; detail: string; extra: ErrorDetails };
}

/** A Problem or a domain error, as data that crosses the thread boundary. */
export type CarriedProblem = CarriedHttpProblem | CarriedDomainError;

export function isCarriedProblem(value: unknown): value is CarriedProblem {
  return typeof value === 'object' && value !== null && (value as Record<string, unknown>)[MARK] === true;
}

/** The error a carried one stands for, to throw again on the calling thread. */
export function uncarried(carried: CarriedProblem): Problem | DomainError {
  if ('domain' in carried) return new DomainError(carried.domain.kind, carried.domain.detail, carried.domain.extra);
  const p = carried.problem;
  return new Problem(p.status, p.title, p.detail, p.extra);
}

/**
 * Wraps a task so that a Problem or domain error it throws (a validation error naming the
 * field) comes back as data: structured cloning keeps only an Error's message, not its kind,
 * status or field list.
 */
export function carryProblems<I, O>(task: (input: I) => O): (input: I) => O | CarriedProblem {
  return (input) => {
    try {
      return task(input);
    } catch (error) {
      if (error instanceof DomainError) return { [MARK]: true, domain: { kind: error.kind, detail: error.message, extra: error.extra } };
      if (!(error instanceof Problem)) throw error;
      return { [MARK]: true, problem: { status: error.status, title: error.title, detail: error.message, extra: error.extra } };
    }
  };
}
