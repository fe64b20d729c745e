/**
 * The OpenAPI document is generated from the same zod schemas the server validates with; these
 * tests hold it to the route table, so a route added tomorrow must be documented tomorrow.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteEntry } from '../../server/app.js';
import { testApp, type TestContext } from '../support/app.js';

const PUBLIC = new Set([
  'GET /api/health',
  'GET /api/ready',
  'POST /api/auth/signup',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'GET /api/invites/:token',
]);
const SCOPE = '/api/workspaces/:ws';
const PROBLEM = '#/components/schemas/Problem';

interface Operation {
  summary?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; schema?: unknown }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: { $ref?: string } }> }>;
}
interface Document {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
  security?: Record<string, unknown>[];
}

const keysOf = (schema: unknown) => Object.keys((schema as { shape?: Record<string, unknown> } | undefined)?.shape ?? {});
const openApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');

/** The errors a route can answer with, from what it takes and who may call it. */
function expectedErrors(route: RouteEntry): number[] {
  const key = `${route.method} ${route.url}`;
  const params = keysOf(route.schema.params);
  const inScope = route.url.startsWith(SCOPE);
  const codes: number[] = [];
  // The workspace id is checked before validation (an unknown one is a 404), so only other inputs give 400.
  if (route.schema.body || route.schema.querystring || params.some((p) => p !== 'ws')) codes.push(400);
  if (!PUBLIC.has(key)) codes.push(401);
  if (inScope && (route.method !== 'GET' || route.access === 'owner')) codes.push(403);
  if (params.length > 0) codes.push(404);
  if ([...keysOf(route.schema.body), ...keysOf(route.schema.querystring)].includes('version')) codes.push(409);
  return codes;
}

describe('the OpenAPI document', () => {
  let ctx: TestContext;
  let doc: Document;
  let routes: RouteEntry[];

  beforeAll(async () => {
    ctx = await testApp();
    const res = await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    doc = res.json();
    routes = ctx.app.routeTable.filter((r) => r.url.startsWith('/api/') && !r.hidden);
  });
  afterAll(() => ctx.close());

  it('is OpenAPI 3.1 with a title, a version and the two ways to sign in', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toBeTruthy();
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['session', 'token']);
    for (const requirement of doc.security ?? []) {
      for (const name of Object.keys(requirement)) expect(doc.components.securitySchemes).toHaveProperty(name);
    }
  });

  it('has no reference that points nowhere', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(50);
    for (const ref of new Set(refs)) {
      expect(ref, ref).toMatch(/^#\//);
      const target = ref
        .slice(2)
        .split('/')
        .reduce<unknown>(
          (node, part) => (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')],
          doc,
        );
      expect(target, `${ref} resolves`).toBeDefined();
    }
  });

  it('holds schemas that a JSON Schema 2020-12 validator compiles', () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    ajv.addSchema({ $id: 'doc', components: doc.components });
    for (const name of Object.keys(doc.components.schemas)) {
      expect(() => ajv.getSchema(`doc#/components/schemas/${name}`), name).not.toThrow();
    }
    const seen = new Set<string>();
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const schemas = [
          ...(op.parameters ?? []).map((p) => p.schema),
          ...Object.values(op.requestBody?.content ?? {}).map((c) => c.schema),
          ...Object.values(op.responses ?? {}).flatMap((r) => Object.values(r.content ?? {}).map((c) => c.schema)),
        ];
        for (const schema of schemas) {
          if (seen.has(JSON.stringify(schema))) continue;
          seen.add(JSON.stringify(schema));
          const local = JSON.parse(JSON.stringify(schema ?? {}).replace(/"#\/components/g, '"doc#/components'));
          expect(() => ajv.compile(local), `${method.toUpperCase()} ${path}`).not.toThrow();
        }
      }
    }
    // Compiling every schema (the backup's alone takes seconds) is slow on a loaded machine.
  }, 180_000);

  it('documents every route of the app, with a summary and tags', () => {
    expect(routes.length).toBeGreaterThan(60);
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    for (const route of routes) {
      const op = doc.paths[openApiPath(route.url)]?.[route.method.toLowerCase()];
      const key = `${route.method} ${route.url}`;
      expect(op, `${key} is documented`).toBeDefined();
      expect(op!.summary?.trim(), `${key} has a summary`).toBeTruthy();
      expect(op!.tags?.length, `${key} has tags`).toBeGreaterThan(0);
    }
    // And nothing is documented that the app does not serve.
    expect(documented.sort()).toEqual(routes.map((r) => `${r.method} ${openApiPath(r.url)}`).sort());
  });

  it('declares every path parameter, query parameter and request body a route validates', () => {
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      const op = doc.paths[openApiPath(route.url)]![route.method.toLowerCase()]!;
      const declared = (where: string) =>
        (op.parameters ?? [])
          .filter((p) => p.in === where)
          .map((p) => p.name)
          .sort();
      const inTemplate = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!).sort();
      expect(declared('path'), `${key} path parameters`).toEqual(inTemplate);
      for (const p of op.parameters ?? []) if (p.in === 'path') expect(p.required, `${key} ${p.name} is required`).toBe(true);
      expect(declared('query'), `${key} query parameters`).toEqual(keysOf(route.schema.querystring).sort());
      if (route.schema.body) {
        expect(op.requestBody?.content?.['application/json']?.schema, `${key} request body`).toBeDefined();
      } else {
        expect(op.requestBody, `${key} takes no body`).toBeUndefined();
      }
    }
  });

  it('names every route’s success answer and the problems it can answer with', () => {
    const missing: string[] = [];
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      const responses = doc.paths[openApiPath(route.url)]![route.method.toLowerCase()]!.responses ?? {};
      const codes = Object.keys(responses).map(Number);
      expect(
        codes.some((c) => c >= 200 && c < 300),
        `${key} has a success answer`,
      ).toBe(true);
      for (const code of expectedErrors(route)) if (!codes.includes(code)) missing.push(`${key} ${code}`);
      for (const code of codes.filter((c) => c >= 400)) {
        // The media type the server really sends, so generated clients parse errors as problems.
        expect(responses[code]!.content?.['application/problem+json']?.schema?.$ref, `${key} ${code} is a problem`).toBe(PROBLEM);
        expect(responses[code]!.description, `${key} ${code} says when`).not.toBe('Default Response');
      }
    }
    expect(missing, 'error answers a route can give but does not document').toEqual([]);
  });

  it('describes problems the way the server sends them', async () => {
    const problem = doc.components.schemas.Problem as { required?: string[]; properties?: Record<string, unknown> };
    expect(problem.required?.sort()).toEqual(['detail', 'status', 'title', 'type']);
    expect(Object.keys(problem.properties ?? {})).toContain('errors');
    const res = await ctx.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(res.statusCode).toBe(401);
    const ajv = new Ajv2020({ strict: false });
    expect(ajv.validate(problem, res.json()), JSON.stringify(ajv.errors)).toBe(true);
  });
});

describe('the interactive API docs', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await testApp();
  });
  afterAll(() => ctx.close());

  it('serves the Swagger UI page at /api/docs, with its script and styles', async () => {
    const page = await ctx.app.inject({ method: 'GET', url: '/api/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('swagger-ui');
    for (const asset of [...page.body.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]!)) {
      const url = asset.startsWith('/') ? asset : `/api/docs/${asset.replace(/^\.\//, '')}`;
      const res = await ctx.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body.length, url).toBeGreaterThan(100);
    }
  });

  it('points the UI at the same document as /api/openapi.json', async () => {
    const init = await ctx.app.inject({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' });
    expect(init.statusCode).toBe(200);
    const fromUi = await ctx.app.inject({ method: 'GET', url: '/api/docs/json' });
    const published = await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(fromUi.statusCode).toBe(200);
    expect(fromUi.json()).toEqual(published.json());
  });
});
