import type { z } from 'zod';

export type FieldErrors = Record<string, string>;

/** Runs a server schema on form values; errors keyed by the top-level field they concern. */
export function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
): { ok: true; data: z.infer<S> } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? '_');
    if (!errors[key]) errors[key] = sentence(issue.message);
  }
  return { ok: false, errors };
}

const sentence = (m: string) => {
  const s = m.replace(/^Invalid input: /, '').replace(/^Too small: expected string to have >=1 characters?$/, 'must not be empty');
  return s.charAt(0).toUpperCase() + s.slice(1);
};
