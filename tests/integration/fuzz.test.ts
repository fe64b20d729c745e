/**
 * Property-based fuzzing of every route the app registers under /api: generated path
 * parameters, query strings, headers and bodies, from pure junk to valid requests with one
 * field wrong. Whatever arrives, the API must answer with something a client can act on:
 * never a 5xx, every error a problem object, every 400 naming the field at fault.
 *
 * Seeded: FUZZ_SEED=<n> reruns a failure, FUZZ_RUNS=<n> changes the runs per route,
 * FUZZ_SHRINK=1 shrinks a failure to its smallest form (slower).
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteEntry } from '../../server/app.js';
import { testApp, type TestContext } from '../support/app.js';
import { call, newWorkspace, signUp, type Caller } from '../support/api.js';
import {
  encodeParam,
  expectedRejection,
  isPoisoned,
  junkNumber,
  junkString,
  junkValue,
  mutated,
  POLLUTING_KEYS,
  rawBodies,
} from '../support/fuzz.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_131);
const RUNS = Number(process.env.FUZZ_RUNS ?? 18);
const SCOPE = '/api/workspaces/:ws';
const THROWAWAY = 'a workspace made for this request';
/** Routes that start or end a session: called as a spare person, so the owner stays signed in. */
const SESSION_ROUTES = new Set(['POST /api/auth/signup', 'POST /api/auth/login', 'POST /api/auth/logout']);

interface Seeded {
  ws: string;
  owner: Caller;
  spare: Caller;
  people: string[];
  orgs: string[];
  relationships: string[];
  sources: string[];
  demands: string[];
  maps: string[];
  changes: string[];
  tokens: string[];
}

/** A request as generated: everything needed to send it and to predict the answer. */
interface Generated {
  params: Record<string, string>;
  query: [string, string][];
  body: { kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'raw'; payload: string; contentType: string };
  ifMatch: string | undefined;
}

/** Lone surrogates cannot travel in a URL; they arrive as U+FFFD. */
const wellFormed = (text: string) => text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
const key = (r: RouteEntry) => `${r.method} ${r.url}`;
const stringHash = (text: string) => [...text].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 0);
const shapeOf = (schema: unknown): Record<string, unknown> => (schema as { shape?: Record<string, unknown> } | undefined)?.shape ?? {};

let ctx: TestContext;
let s: Seeded;
const crashes: unknown[] = [];
/** Answers seen per route; FUZZ_STATS=1 prints them, to see how far past validation the fuzz gets. */
const statuses: Record<string, Record<number, number>> = {};
const onCrash = (reason: unknown) => crashes.push(reason);

/** Valid bodies for the routes that take one; the fuzz starts from these and breaks one thing. */
function validBodies(x: Seeded): Record<string, unknown> {
  const [ada, bo, cy] = x.people as [string, string, string];
  const [acme, union] = x.orgs as [string, string];
  return {
    'POST /api/auth/signup': { email: 'fuzz.signup@example.org', password: 'correct horse battery', name: 'Fuzz' },
    'POST /api/auth/login': { email: x.spare.email, password: 'correct horse battery' },
    'POST /api/auth/tokens': { name: 'import script' },
    'POST /api/workspaces': { name: 'Hospital campaign', description: 'Who owns the hospital' },
    [`PATCH ${SCOPE}`]: { name: 'Fuzz campaign', description: 'renamed', version: 1 },
    [`POST ${SCOPE}/members`]: { email: 'invitee@example.org', role: 'viewer' },
    [`PATCH ${SCOPE}/members/:email`]: { role: 'editor' },
    [`POST ${SCOPE}/actors`]: {
      kind: 'person',
      name: 'Dana Díaz',
      aliases: ['D. Díaz'],
      description: 'Board chair',
      sector: 'finance',
      tags: ['board'],
      roles: ['decision_maker'],
      power: 4,
      alignment: -2,
      interests: ['growth'],
      powerSources: ['votes'],
      contactOwner: 'Sam',
      externalIds: { wikidata: 'Q42' },
      links: ['https://example.org/dana'],
      image: null,
      organized: false,
    },
    [`PATCH ${SCOPE}/actors/:id`]: { name: 'Ada Lovelace', power: 3, alignment: 1, tags: ['ally'], version: 1 },
    [`POST ${SCOPE}/actors/:id/merge`]: { into: cy, version: 1 },
    [`POST ${SCOPE}/actors/:id/assessments`]: { power: 2, alignment: -1, note: 'after the hearing', at: '2026-01-31T09:00:00Z' },
    [`POST ${SCOPE}/relationships`]: {
      type: 'POSITION',
      from: bo,
      to: acme,
      title: 'Director',
      board: true,
      executive: false,
      compensation: 120_000,
      strength: 4,
      startDate: '2020-01-01',
      endDate: null,
      current: true,
      description: 'Sits on the board',
      sourceIds: x.sources,
    },
    [`PATCH ${SCOPE}/relationships/:id`]: { strength: 2, description: 'Left the board', current: false, version: 1 },
    [`POST ${SCOPE}/sources`]: {
      url: 'https://news.example.org/story?utm_source=x&id=7',
      title: 'Story',
      publisher: 'News',
      publishedAt: '2025-12-01',
      accessedAt: null,
      excerpt: 'quote',
    },
    [`PATCH ${SCOPE}/sources/:id`]: { title: 'Filing', version: 1 },
    [`POST ${SCOPE}/demands`]: {
      title: 'More school nurses',
      description: '',
      status: 'presented',
      primaryTargetIds: [ada],
      secondaryTargetIds: [union],
    },
    [`PATCH ${SCOPE}/demands/:id`]: { status: 'won', primaryTargetIds: [bo], version: 1 },
    [`POST ${SCOPE}/maps`]: {
      name: 'Board map',
      description: '',
      defaultView: 'grid',
      members: [{ actorId: ada, x: 10, y: -20, style: { color: '#1f77b4', size: 1.5, label: 'Ada', hidden: false } }],
      annotations: [
        {
          id: '3f1d3c1e-8c55-4d0e-9a57-5a4a2b3c4d5e',
          title: 'Start here',
          text: 'The chair',
          actorIds: [ada],
          relationshipIds: x.relationships,
        },
      ],
    },
    [`PATCH ${SCOPE}/maps/:id`]: { name: 'Renamed map', defaultView: 'table', version: 1 },
    [`POST ${SCOPE}/maps/:id/members`]: { actorIds: [bo, acme], positions: { [bo]: { x: 1, y: 2 } }, withNeighbours: true },
    [`POST ${SCOPE}/maps/:id/members/remove`]: { actorIds: [acme] },
    [`PATCH ${SCOPE}/maps/:id/positions`]: { positions: [{ actorId: ada, x: 100, y: 200 }] },
    [`POST ${SCOPE}/maps/:mapId/links`]: { story: true, expiresAt: '2030-01-31T09:00:00Z' },
    [`PUT ${SCOPE}/internal-fields`]: {
      actor: ['interests', 'powerSources'],
      relationship: ['description'],
      assessment: ['note'],
      version: 1,
    },
    [`POST ${SCOPE}/batch`]: {
      operations: [
        { op: 'create', entity: 'actor', data: { kind: 'organization', name: 'Holding LLC' } },
        { op: 'update', entity: 'actor', id: bo, data: { power: 1 } },
        { op: 'create', entity: 'relationship', data: { type: 'OWNERSHIP', from: union, to: acme, percent: 12.5 } },
      ],
      summary: 'Import',
    },
  };
}

/** Values that make sense for a query key, so the fuzz also reaches past validation. */
function plausible(name: string, x: Seeded): string[] {
  const actors = [...x.people, ...x.orgs];
  switch (name) {
    case 'actor':
    case 'from':
    case 'to':
    case 'target':
    case 'around':
      return [...actors, 'base'];
    case 'entity':
      return [...actors, ...x.relationships];
    case 'map':
      return x.maps;
    case 'actors':
    case 'exclude':
      return [actors.slice(0, 2).join(','), actors.join(','), `${actors[0]},${actors[0]}`];
    case 'types':
      return ['POSITION,INFLUENCE', 'position', 'SOCIAL,', 'EVERYTHING'];
    case 'type':
      return ['POSITION', 'GENERIC', 'position'];
    case 'kind':
      return ['person', 'organization', 'Person'];
    case 'role':
      return ['ally', 'decision_maker', 'base'];
    case 'sector':
      return ['labor', 'finance', 'mafia'];
    case 'tag':
      return ['board', 'ally'];
    case 'q':
      return ['Ada', 'ad~', '"unclosed', 'AND OR NOT', 'name:(x', '*', '\\', '[a TO', '/regex/'];
    case 'direction':
      return ['out', 'in', 'both', 'sideways'];
    case 'weighted':
    case 'uncited':
      return ['true', 'false', '1', 'yes'];
    case 'at':
      return ['2026-01-01', '2026-01-31T09:00:00Z', '2026-13-01', 'yesterday'];
    case 'cursor':
      return [
        Buffer.from(JSON.stringify(['ada', actors[0]])).toString('base64url'),
        Buffer.from('[1]').toString('base64url'),
        Buffer.from('{"a":1}').toString('base64url'),
        Buffer.from(JSON.stringify([{}, []])).toString('base64url'),
      ];
    default:
      return ['0', '1', '2', '3', '5', '7', '50', '500', '501', '-1', '-3', '1.5', '0.5', '10', '1e3'];
  }
}

function paramPool(url: string, name: string, x: Seeded): string[] {
  if (name === 'ws') return url === SCOPE ? [THROWAWAY] : [x.ws];
  if (name === 'changeId') return x.changes;
  if (name === 'email') return [x.spare.email, 'invitee@example.org', 'INVITEE@example.org', 'nobody@example.org'];
  if (name === '*') return ['swagger-ui.css', 'index.html', '../../package.json'];
  const resource = url.split('/').at(url.split('/').indexOf(`:${name}`) - 1);
  const pools: Record<string, string[]> = {
    actors: [...x.people, ...x.orgs],
    relationships: x.relationships,
    sources: x.sources,
    demands: x.demands,
    maps: x.maps,
    tokens: x.tokens,
  };
  return pools[resource ?? ''] ?? [];
}

function requests(route: RouteEntry, x: Seeded): fc.Arbitrary<Generated> {
  const names = [...route.url.matchAll(/:(\w+)|\*/g)].map((m) => m[1] ?? '*');
  const params = fc.record(
    Object.fromEntries(
      names.map((name) => {
        const pool = paramPool(route.url, name, x);
        const real = pool.length ? [{ weight: name === 'ws' ? 12 : 6, arbitrary: fc.constantFrom(...pool) }] : [];
        return [name, fc.oneof(...real, { weight: 2, arbitrary: fc.uuid() }, { weight: 2, arbitrary: junkString })];
      }),
    ),
  ) as fc.Arbitrary<Record<string, string>>;

  const queryKeys = Object.keys(shapeOf(route.schema.querystring));
  const valueFor = (name: string) =>
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...plausible(name, x)) },
      { weight: 2, arbitrary: junkString },
      { weight: 1, arbitrary: junkNumber.map(String) },
      { weight: 1, arbitrary: fc.array(fc.constantFrom(...plausible(name, x)), { minLength: 2, maxLength: 3 }) },
    );
  const known = fc.tuple(
    ...queryKeys.map((name) =>
      fc.option(
        valueFor(name).map((v) => [name, v] as const),
        { freq: 2, nil: undefined },
      ),
    ),
  );
  const strangers = fc.array(fc.tuple(fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom(...POLLUTING_KEYS)), junkString), {
    maxLength: 2,
  });
  const query = fc
    .tuple(known, fc.oneof({ weight: 4, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: strangers }))
    .map(([k, extra]) =>
      [...k.filter((e) => e !== undefined), ...extra].flatMap(([name, v]) =>
        Array.isArray(v) ? v.map((one) => [name, one] as [string, string]) : [[name, v] as [string, string]],
      ),
    );

  const valid = validBodies(x)[key(route)];
  const body: fc.Arbitrary<Generated['body']> =
    route.method === 'GET'
      ? fc.constant({ kind: 'none' })
      : fc.oneof(
          ...(valid !== undefined
            ? [
                { weight: 2, arbitrary: fc.constant({ kind: 'json' as const, value: valid }) },
                { weight: 6, arbitrary: mutated(valid).map((value) => ({ kind: 'json' as const, value })) },
              ]
            : [{ weight: 2, arbitrary: fc.constant({ kind: 'json' as const, value: {} }) }]),
          { weight: 3, arbitrary: junkValue.map((value) => ({ kind: 'json' as const, value })) },
          { weight: 1, arbitrary: rawBodies.map((r) => ({ kind: 'raw' as const, ...r })) },
          { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
        );
  const ifMatch =
    route.method === 'GET'
      ? fc.constant(undefined)
      : fc.option(
          fc.oneof(
            fc.constantFrom('1', '"1"', 'W/"2"', '*', 'abc', '', '-1', '0', '99999999999999999999'),
            fc.stringMatching(/^[ -~]{0,12}$/),
          ),
          { freq: 5, nil: undefined },
        );
  return fc.record({ params, query, body, ifMatch });
}

/** Sends one generated request and checks that the answer is one a client can act on. */
async function sendAndCheck(route: RouteEntry, g: Generated) {
  const who = SESSION_ROUTES.has(key(route)) ? s.spare : s.owner;
  const params = { ...g.params };
  if (params.ws === THROWAWAY) params.ws = await newWorkspace(ctx.app, s.owner, 'Throwaway');
  const path = route.url.replace(/:(\w+)|\*/g, (_m, name: string | undefined) => encodeParam(wellFormed(params[name ?? '*'] ?? '')));
  const search = new URLSearchParams(g.query.map(([k, v]) => [wellFormed(k), wellFormed(v)])).toString();
  const url = search ? `${path}?${search}` : path;

  const sent = g.body.kind === 'json' ? JSON.stringify(g.body.value) : g.body.kind === 'raw' ? g.body.payload : undefined;
  const contentType = g.body.kind === 'raw' ? g.body.contentType : 'application/json';
  const seenBody = g.body.kind === 'json' && sent !== undefined ? JSON.parse(sent) : g.body.kind === 'raw' ? g.body.payload : undefined;
  // Fastify parses the query into an object without a prototype, so "__proto__" is a plain key.
  const seenQuery = Object.create(null) as Record<string, string | string[]>;
  for (const [k, v] of new URLSearchParams(search)) {
    const prior = seenQuery[k];
    seenQuery[k] = prior === undefined ? v : [...(Array.isArray(prior) ? prior : [prior]), v];
  }
  const seenParams = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, wellFormed(v)]));

  // A live stream the caller may open never ends: only requests its schemas refuse are sent.
  const rejection = expectedRejection(route.schema, { params: seenParams, body: seenBody, query: seenQuery });
  if (route.url.endsWith('/events') && !rejection) return;

  const res = await ctx.app.inject({
    method: route.method as 'GET',
    url,
    headers: {
      cookie: who.cookie,
      ...(sent !== undefined ? { 'content-type': contentType } : {}),
      ...(g.ifMatch !== undefined ? { 'if-match': g.ifMatch } : {}),
    },
    ...(sent !== undefined ? { payload: sent } : {}),
  });
  const tally = (statuses[key(route)] ??= {});
  tally[res.statusCode] = (tally[res.statusCode] ?? 0) + 1;
  const label = `${route.method} ${url.slice(0, 300)} ${sent?.slice(0, 300) ?? ''} → ${res.statusCode} ${res.body.slice(0, 500)}`;
  // Fetching from LittleSis, which tests place where nothing answers, is a gateway error by design.
  const gateway = res.statusCode === 502 && route.url.endsWith('/imports/littlesis');
  if (!gateway) expect(res.statusCode, label).toBeLessThan(500);
  if (res.statusCode < 400) return;

  expect(String(res.headers['content-type']), label).toMatch(/^application\/problem\+json/);
  const problem = res.json() as {
    type: unknown;
    title: unknown;
    status: unknown;
    detail: unknown;
    errors?: { path: unknown; message: unknown }[];
  };
  expect(problem, label).toMatchObject({
    type: expect.any(String),
    title: expect.any(String),
    status: res.statusCode,
    detail: expect.any(String),
  });
  expect((problem.detail as string).length, label).toBeGreaterThan(0);
  if (res.statusCode === 400) {
    expect(Array.isArray(problem.errors) && problem.errors.length > 0, `${label}: a 400 names what is wrong`).toBe(true);
    for (const e of problem.errors ?? []) {
      expect(e.path, label).toMatch(/^(params|body|querystring|headers)(\.|$)/);
      expect(e.message, label).toEqual(expect.any(String));
    }
  }

  // The workspace check comes first; past it, the route's own schemas predict the answer.
  const knownWorkspace = !route.url.startsWith(SCOPE) || g.params.ws === s.ws || g.params.ws === THROWAWAY;
  if (!knownWorkspace || g.body.kind === 'raw') return;
  if (sent !== undefined && isPoisoned(sent)) {
    expect(res.statusCode, label).toBe(400);
    expect(
      problem.errors?.map((e) => e.path),
      label,
    ).toContain('body');
    return;
  }
  // An empty path part matches another route (or none); the router itself refuses an overlong one.
  if (Object.values(params).some((v) => v === '')) return;
  if (rejection && !(route.url === SCOPE && route.method === 'DELETE')) {
    expect(res.statusCode, label).toBe(400);
    const paths = problem.errors!.map((e) => e.path);
    if (rejection.part === 'params' && paths.includes('params')) return;
    expect(paths, label).toContain(rejection.paths[0]);
  }
}

beforeAll(async () => {
  process.on('unhandledRejection', onCrash);
  process.on('uncaughtException', onCrash);
  ctx = await testApp();
  const owner = await signUp(ctx.app, 'Owner');
  const spare = await signUp(ctx.app, 'Spare');
  const ws = await newWorkspace(ctx.app, owner, 'Fuzz');
  const post = async (path: string, body: unknown) => {
    const res = await call(ctx.app, owner, 'POST', `/api/workspaces/${ws}${path}`, body);
    if (res.status >= 300) throw new Error(`seeding ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  const people = [
    await post('/actors', { kind: 'person', name: 'Ada', roles: ['base'], power: 2, alignment: 3 }),
    await post('/actors', { kind: 'person', name: 'Bo', roles: ['decision_maker'] }),
    await post('/actors', { kind: 'person', name: 'Cy' }),
  ];
  const orgs = [
    await post('/actors', { kind: 'organization', name: 'Acme Health', sector: 'corporate' }),
    await post('/actors', { kind: 'organization', name: 'Nurses Union', roles: ['ally'], organized: true }),
  ];
  const sources = [await post('/sources', { url: 'https://example.org/filing' })];
  const relationships = [
    await post('/relationships', { type: 'POSITION', from: people[1], to: orgs[0], board: true, sourceIds: sources }),
    await post('/relationships', { type: 'SOCIAL', from: people[0], to: people[1] }),
  ];
  const demands = [await post('/demands', { title: 'Safe staffing', primaryTargetIds: [people[1]] })];
  const maps = [
    await post('/maps', {
      name: 'Board',
      members: [
        { actorId: people[0], x: 0, y: 0 },
        { actorId: orgs[0], x: 5, y: 5 },
      ],
    }),
  ];
  await call(ctx.app, owner, 'POST', `/api/workspaces/${ws}/members`, { email: spare.email, role: 'editor' });
  const changes = (await call(ctx.app, owner, 'GET', `/api/workspaces/${ws}/history?limit=5`)).body.items.map((c: { id: string }) => c.id);
  const tokens = [(await call(ctx.app, owner, 'POST', '/api/auth/tokens', { name: 'seed' })).body.id as string];
  s = { ws, owner, spare, people, orgs, relationships, sources, demands, maps, changes, tokens };
});

afterAll(async () => {
  process.off('unhandledRejection', onCrash);
  process.off('uncaughtException', onCrash);
  await ctx?.close();
});

describe('every API route under generated input', () => {
  it('starts from valid bodies, by the routes’ own schemas', () => {
    for (const [name, body] of Object.entries(validBodies(s))) {
      const route = ctx.app.routeTable.find((r) => key(r) === name);
      expect(route, name).toBeDefined();
      const result = (route!.schema.body as { safeParse(v: unknown): { success: boolean; error?: unknown } }).safeParse(body);
      expect(result.success, `${name}: ${String(result.error)}`).toBe(true);
    }
  });

  it('answers every route with a status below 500 and problem objects for errors', async () => {
    // Deletes and merges go last, so the other routes still find real records to work on.
    const last = (r: RouteEntry) => Number(r.method === 'DELETE' || r.url.endsWith('/merge'));
    const routes = ctx.app.routeTable.filter((r) => r.url.startsWith('/api')).sort((a, b) => last(a) - last(b));
    expect(routes.length).toBeGreaterThan(60);
    // Every route is tried even after one fails, so one run lists every route at fault.
    const failures: string[] = [];
    for (const route of routes) {
      try {
        await fc.assert(
          fc.asyncProperty(requests(route, s), (g) => sendAndCheck(route, g)),
          { seed: SEED + stringHash(key(route)), numRuns: RUNS, endOnFailure: !process.env.FUZZ_SHRINK },
        );
      } catch (error) {
        const { message, cause } = error as Error & { cause?: Error };
        const seed = /\{ seed: .*\}/.exec(message)?.[0] ?? '';
        failures.push(`${key(route)} ${seed}\n${(cause?.message ?? message).slice(0, 1_200)}`);
      }
    }
    if (process.env.FUZZ_STATS) console.table(Object.fromEntries(Object.entries(statuses).map(([k, v]) => [k, JSON.stringify(v)])));
    expect(failures).toEqual([]);
  }, 480_000);

  it('answers the cases the fuzz once found with the problem a client can act on', async () => {
    const wsUrl = `/api/workspaces/${s.ws}`;
    const cases: { method: 'GET' | 'POST'; url: string; payload?: string; status: number; path: string; detail?: RegExp }[] = [
      // A cursor holding objects reached Cypher and failed there (500).
      {
        method: 'GET',
        url: `${wsUrl}/sources?cursor=${Buffer.from('[{},[]]').toString('base64url')}`,
        status: 400,
        path: 'querystring.cursor',
      },
      {
        method: 'GET',
        url: `${wsUrl}/actors?cursor=${Buffer.from('[["a"],{"b":1}]').toString('base64url')}`,
        status: 400,
        path: 'querystring.cursor',
      },
      // The router answered these itself, in plain JSON rather than a problem.
      { method: 'GET', url: `${wsUrl}/actors/${'x'.repeat(201)}`, status: 400, path: 'params' },
      { method: 'GET', url: `${wsUrl}/actors/%`, status: 400, path: 'params' },
      // Valid JSON refused for a prototype key was called "not valid JSON".
      {
        method: 'POST',
        url: `${wsUrl}/actors`,
        payload: '{"kind":"person","name":"x","__proto__":{"isAdmin":true}}',
        status: 400,
        path: 'body',
        detail: /"__proto__"/,
      },
      {
        method: 'POST',
        url: `${wsUrl}/actors`,
        payload: '{"kind":"person","name":"x","constructor":{"prototype":{"a":1}}}',
        status: 400,
        path: 'body',
        detail: /constructor\.prototype/,
      },
      { method: 'POST', url: `${wsUrl}/actors`, payload: '{"kind":"person",', status: 400, path: 'body', detail: /not valid JSON/ },
      { method: 'POST', url: `${wsUrl}/actors`, payload: '', status: 400, path: 'body', detail: /empty/ },
      { method: 'POST', url: `${wsUrl}/actors`, payload: `${'['.repeat(200_000)}${']'.repeat(200_000)}`, status: 400, path: 'body' },
    ];
    for (const c of cases) {
      const res = await ctx.app.inject({
        method: c.method,
        url: c.url,
        headers: { cookie: s.owner.cookie, ...(c.payload !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(c.payload !== undefined ? { payload: c.payload } : {}),
      });
      const label = `${c.method} ${c.url.slice(0, 120)} → ${res.statusCode} ${res.body.slice(0, 300)}`;
      expect(res.statusCode, label).toBe(c.status);
      expect(res.headers['content-type'], label).toMatch(/^application\/problem\+json/);
      expect(
        res.json().errors.map((e: { path: string }) => e.path),
        label,
      ).toContain(c.path);
      if (c.detail) expect(res.json().detail, label).toMatch(c.detail);
    }
    // Restoring what was never deleted is a 404, not a 400 that names no field.
    const restore = await call(ctx.app, s.owner, 'POST', `${wsUrl}/actors/${randomUUID()}/restore`);
    expect(restore.status).toBe(404);
  });

  it('has not crashed and still serves the owner afterwards', async () => {
    expect(crashes).toEqual([]);
    expect((await call(ctx.app, null, 'GET', '/api/health')).status).toBe(200);
    expect((await call(ctx.app, s.owner, 'GET', `/api/workspaces/${s.ws}`)).body.role).toBe('owner');
  });
});
