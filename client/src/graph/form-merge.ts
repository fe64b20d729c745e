/**
 * Merging a colleague's saved record into a form someone is typing in. Three versions of the
 * form's values: `base` (the record the form was filled from), `mine` (the form now) and
 * `theirs` (the record as just saved elsewhere). A field nobody here touched takes theirs; a
 * field only we changed stays ours; a field both changed differently stays ours and is
 * reported, so the person typing decides.
 */

export type FormValues = Record<string, unknown>;

export interface Clash {
  field: string;
  mine: unknown;
  theirs: unknown;
}

export interface Merged<T extends FormValues> {
  values: T;
  clashes: Clash[];
}

/** Equal as data: arrays and objects by content, whatever their identity. */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => same((a as FormValues)[k], (b as FormValues)[k]));
}

/** The fields of `mine` that differ from `base`: what the person has typed and not saved. */
export function touched<T extends FormValues>(base: T, mine: T): string[] {
  return Object.keys(mine).filter((k) => !same(base[k], mine[k]));
}

export function mergeForm<T extends FormValues>(base: T, mine: T, theirs: T): Merged<T> {
  const values = { ...theirs } as FormValues;
  const clashes: Clash[] = [];
  for (const field of Object.keys(mine)) {
    if (same(mine[field], base[field])) continue;
    values[field] = mine[field];
    if (!same(theirs[field], base[field]) && !same(theirs[field], mine[field]))
      clashes.push({ field, mine: mine[field], theirs: theirs[field] });
  }
  return { values: values as T, clashes };
}
