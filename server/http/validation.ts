import type { z } from 'zod';
import { Problem } from './problem.js';

/** A zod failure as the same 400 problem the request validator gives. */
export function validationProblem(error: z.ZodError, prefix = 'body'): Problem {
  const errors = error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
  const first = errors[0]!;
  return new Problem(400, 'Validation failed', `${first.path}: ${first.message}`, { errors });
}

export function parseOr400<T extends z.ZodType>(schema: T, value: unknown, prefix = 'body'): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationProblem(result.error, prefix);
  return result.data;
}
