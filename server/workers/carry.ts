import { Problem } from '../http/problem.js';

const MARK = '__powermapProblem';

export interface CarriedProblem {
  [MARK]: true;
  problem: { status: number; title: string; detail: string; extra: Problem['extra'] };
}

export function isCarriedProblem(value: unknown): value is CarriedProblem {
  return typeof value === 'object' && value !== null && (value as Record<string, unknown>)[MARK] === true;
}

/**
 * Wraps a task so that a Problem it throws (a validation error naming the field) comes back
 * as data: structured cloning keeps only an Error's message, not its status or field list.
 */
export function carryProblems<I, O>(task: (input: I) => O): (input: I) => O | CarriedProblem {
  return (input) => {
    try {
      return task(input);
    } catch (error) {
      if (!(error instanceof Problem)) throw error;
      return { [MARK]: true, problem: { status: error.status, title: error.title, detail: error.message, extra: error.extra } };
    }
  };
}
