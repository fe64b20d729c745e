/**
 * Generators of hostile and almost-right requests, and the oracle that says which part of a
 * request the route's own zod schemas reject, in the order Fastify validates them.
 */
import fc from 'fast-check';
import type { z } from 'zod';

/** Keys that try to reach an object's prototype. */
export const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

const HUGE = ['x'.repeat(70_000), '😀'.repeat(12_000), 'é'.repeat(30_000), `${'a'.repeat(199)}`, '\u0000'.repeat(500)];
const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\uFEFF',
  '\u202E',
  'null',
  'undefined',
  'NaN',
  'true',
  '-1',
  '0',
  '1e309',
  '9007199254740993',
  '2026-02-30',
  '0000-00-00T00:00:00Z',
  "'; MATCH (n) DETACH DELETE n //",
  '`) RETURN 1 //',
  '$ws',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  'https://',
  'javascript:alert(1)',
  'file:///etc/passwd',
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
  'POSITION,,',
  'base',
  '*',
  '~',
  'a,b,c',
];
const ODD_NUMBERS = [
  0,
  -0,
  -1,
  1,
  5,
  6,
  -4,
  3.5,
  0.1,
  1e15,
  1e16,
  -1e6 - 1,
  1e6 + 1,
  2 ** 31,
  2 ** 53 + 1,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MIN_VALUE,
];

/** Strings people and programs really send when they get it wrong. */
export const junkString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 3, arbitrary: fc.constantFrom(...ODD_STRINGS) },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE) },
  { weight: 1, arbitrary: fc.uuid() },
);

export const junkNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(...ODD_NUMBERS),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const junkKey = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom(...POLLUTING_KEYS) },
);

/** Nested arrays or objects far deeper than any schema allows. */
const deep = fc.tuple(fc.integer({ min: 50, max: 400 }), fc.boolean()).map(([depth, arrays]) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = arrays ? [value] : { a: value };
  return value;
});

/** Any JSON-able value, of any shape and type. */
export const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.anything({ maxDepth: 3, maxKeys: 6, key: junkKey, stringUnit: 'grapheme' }) },
  { weight: 2, arbitrary: junkString },
  { weight: 2, arbitrary: junkNumber },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [null], { '': null }) },
  { weight: 1, arbitrary: deep },
);

/** Bodies that are not JSON at all, or JSON a careful parser must refuse. */
export const rawBodies: fc.Arbitrary<{ payload: string; contentType: string }> = fc.oneof(
  fc
    .constantFrom(
      '{',
      '{"a":',
      '[1,2',
      '{"name":"x",}',
      "{'name':'x'}",
      'undefined',
      'NaN',
      '\u0000',
      '{"a":1}{"b":2}',
      '',
      '{"__proto__":{"polluted":true}}',
      '{"kind":"person","name":"x","__proto__":{"isAdmin":true}}',
      '{"constructor":{"prototype":{"polluted":true}}}',
      '{"name":"x","constructor":{"prototype":{"polluted":true}}}',
      `${'['.repeat(5_000)}${']'.repeat(5_000)}`,
      `${'{"a":'.repeat(3_000)}1${'}'.repeat(3_000)}`,
    )
    .map((payload) => ({ payload, contentType: 'application/json' })),
  fc.record({
    payload: fc.oneof(junkString, fc.constant('name=x&kind=person')),
    contentType: fc.constantFrom(
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      'application/json; charset=latin1',
      'application/JSON',
      'application/merge-patch+json',
    ),
  }),
);

type Path = (string | number)[];

function leafPaths(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => leafPaths(v, [...prefix, k]))];
}

function setAt(root: unknown, path: Path, change: (parent: Record<string | number, unknown>, key: string | number) => void): unknown {
  const copy = structuredClone(root);
  if (path.length === 0) return copy;
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  change(parent, path.at(-1)!);
  return copy;
}

/** A valid value with one thing wrong: a field replaced, dropped, or a stranger added beside it. */
export function mutated(valid: unknown): fc.Arbitrary<unknown> {
  const paths = leafPaths(valid);
  return fc
    .tuple(fc.constantFrom(...paths), fc.constantFrom('replace', 'replace', 'replace', 'drop', 'add'), junkValue, junkKey)
    .map(([path, how, junk, key]) => {
      if (path.length === 0) return how === 'replace' ? junk : valid;
      if (how === 'replace') return setAt(valid, path, (p, k) => void (p[k] = junk));
      if (how === 'drop') return setAt(valid, path, (p, k) => (Array.isArray(p) ? p.splice(Number(k), 1) : delete p[k]));
      return setAt(valid, path.slice(0, -1), (p) => {
        if (!Array.isArray(p)) Object.defineProperty(p, key, { value: junk, enumerable: true, configurable: true, writable: true });
      });
    });
}

/** Renders a path parameter into the URL; anything that cannot be percent-encoded goes in raw. */
export function encodeParam(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return value.replace(/[^\x20-\x7e]/g, '%E0%A4%A');
  }
}

export interface Rejection {
  part: 'params' | 'body' | 'querystring';
  paths: string[];
}

/** What the route's schemas reject first, or null when they accept the request. */
export function expectedRejection(
  schema: { params?: unknown; body?: unknown; querystring?: unknown },
  parts: { params: Record<string, string>; body: unknown; query: Record<string, string | string[]> },
): Rejection | null {
  const checks = [
    ['params', schema.params, parts.params],
    ['body', schema.body, parts.body],
    ['querystring', schema.querystring, parts.query],
  ] as const;
  for (const [part, zod, value] of checks) {
    if (!zod) continue;
    const result = (zod as z.ZodType).safeParse(value);
    if (!result.success) return { part, paths: result.error.issues.map((i) => [part, ...i.path.map(String)].join('.')) };
  }
  return null;
}

/** Whether a JSON text holds a key that a safe parser refuses (as secure-json-parse does). */
export function isPoisoned(json: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return false;
  }
  const walk = (v: unknown): boolean => {
    if (v === null || typeof v !== 'object') return false;
    if (Object.hasOwn(v, '__proto__')) return true;
    const ctor = (v as Record<string, unknown>).constructor;
    if (Object.hasOwn(v, 'constructor') && ctor !== null && typeof ctor === 'object' && Object.hasOwn(ctor, 'prototype')) return true;
    return Object.values(v).some(walk);
  };
  return walk(value);
}
