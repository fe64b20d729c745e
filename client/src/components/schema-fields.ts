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

/** Short labels where a schema's description is a sentence (a stake's fields). */
const shortLabels: Record<string, string> = {
  percent: 'Percent owned (exact)',
  percentMin: 'At least (%), or a range from',
  percentMax: 'At most (%), or a range to',
  shares: 'Shares',
  value: 'Value of the holding',
  basis: 'A share of',
  commitment: 'Limited-partner commitment',
  generalPartner: 'General partner (controls the fund)',
  declared: 'Held',
  asOf: 'As of',
};

/** Words for the values of a few closed lists, by field. */
export const optionLabels: Record<string, Record<string, string>> = {
  basis: {
    equity: 'equity',
    voting: 'the votes',
    lp_commitment: 'a fund, as limited partner',
    consolidation: 'a consolidated subsidiary',
  },
  declared: {
    direct: 'directly',
    indirect: 'indirectly, as a source declares (not added up again)',
    ultimate_parent: 'as ultimate parent, as a source declares (not added up again)',
  },
};

export const fieldLabel = (key: string, schema: z.ZodType) =>
  shortLabels[key] ??
  (schema as unknown as { description?: string }).description ??
  key.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());
