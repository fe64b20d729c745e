import type { z } from 'zod';

export type InputKind =
  | { kind: 'text' }
  | { kind: 'date' }
  | { kind: 'number'; int: boolean; min?: number; max?: number }
  | { kind: 'boolean' }
  | { kind: 'enum'; options: string[] }
  | { kind: 'list' };

interface Def {
  type: string;
  innerType?: z.ZodType;
  entries?: Record<string, string>;
  format?: string;
  checks?: { _zod: { def: { check: string; value?: number; format?: string } } }[];
}
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** What input a zod field wants, read from the schema itself (so forms follow the server's rules). */
export function inputKind(schema: z.ZodType): InputKind {
  let def = defOf(schema);
  while ((def.type === 'nullable' || def.type === 'optional' || def.type === 'default') && def.innerType) def = defOf(def.innerType);
  switch (def.type) {
    case 'boolean':
      return { kind: 'boolean' };
    case 'enum':
      return { kind: 'enum', options: Object.values(def.entries ?? {}) };
    case 'array':
      return { kind: 'list' };
    case 'number': {
      const checks = def.checks ?? [];
      const int = checks.some((c) => c._zod.def.format === 'safeint' || c._zod.def.check === 'number_format');
      return { kind: 'number', int };
    }
    case 'string':
      return def.format === 'date' ? { kind: 'date' } : { kind: 'text' };
    default:
      return { kind: 'text' };
  }
}

/** Turns what an input holds into the value the schema expects ('' → null for nullable fields). */
export function toValue(kind: InputKind, raw: unknown): unknown {
  switch (kind.kind) {
    case 'boolean':
      return !!raw;
    case 'number':
      return raw === '' || raw === null || raw === undefined ? null : Number(raw);
    case 'list':
      return String(raw ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    default:
      return raw === '' || raw === undefined ? null : raw;
  }
}

export function toRaw(kind: InputKind, value: unknown): string | boolean {
  if (kind.kind === 'boolean') return !!value;
  if (kind.kind === 'list') return Array.isArray(value) ? value.join(', ') : '';
  return value === null || value === undefined ? '' : String(value);
}

export const fieldLabel = (key: string, schema: z.ZodType) =>
  (schema as unknown as { description?: string }).description ?? key.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());
