/**
 * A large import is written in parts (here of 2,000 records, IMPORT_PART_RECORDS), and is
 * never left half there: a part that fails takes the earlier ones out again, and the parts of
 * an import whose server was killed are taken out by the next server to start.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../neo4j/port.js';
import { testApp, type TestContext } from '../support/app.js';
import { call, newWorkspace, signUp, type Caller } from '../support/api.js';
import { formData, finished, importFile, startImport } from '../support/imports.js';
import { startMain, type Run } from '../support/main-process.js';

const PARTS = { IMPORT_PART_RECORDS: '2000' };
const mapping = JSON.stringify({
  from: { column: 'Person', kind: 'person' },
  to: { column: 'Company', kind: 'organization' },
  type: { value: 'MEMBERSHIP' },
});
/** People × companies, every person joined to every company: each part of ties names every company. */
const table = (people: number, companies: number) => {
  const lines = ['Person,Company'];
  for (let p = 0; p < people; p++) for (let c = 0; c < companies; c++) lines.push(`Person ${p},Company ${c}`);
  return `${lines.join('\n')}\n`;
};

/** What the workspace holds, counted in the store: ties of deleted actors too, so nothing hides. */
async function stored(ctx: TestContext, ws: string, what: 'actors' | 'relationships') {
  const query =
    what === 'actors'
      ? 'MATCH (a:Actor) WHERE a.workspaceId = $ws RETURN count(a) AS n'
      : 'MATCH ()-[r:MEMBERSHIP]->() WHERE r.workspaceId = $ws RETURN count(r) AS n';
  return (await ctx.db.read((tx) => tx.one<{ n: number }>(query, { ws })))!.n;
}

describe('an import in parts', () => {
  let ctx: TestContext;
  let me: Caller;
  beforeAll(async () => {
    ctx = await testApp({ env: PARTS });
    me = await signUp(ctx.app, 'Bulk importer');
  });
  afterAll(() => ctx.close());

  const count = (ws: string, what: 'actors' | 'relationships') => stored(ctx, ws, what);
  const history = async (ws: string) =>
    ((await call(ctx.app, me, 'GET', `/api/workspaces/${ws}/history?limit=50`)).body.items as { summary: string }[]).map((c) => c.summary);

  it('writes a large file in parts, lists each in the history, and a second import changes nothing', async () => {
    const ws = await newWorkspace(ctx.app, me, 'Parts');
    const file = { name: 'members.csv', content: table(1000, 5) };
    const job = await importFile(ctx.app, me, ws, { format: 'csv', mapping }, file);
    expect(job, job.failure).toMatchObject({ state: 'done', written: 'all', parts: 4 });
    expect(job.counts).toMatchObject({ actorsCreated: 1005, relationshipsCreated: 5000 });
    expect(await count(ws, 'actors')).toBe(1005);
    expect(await count(ws, 'relationships')).toBe(5000);
    expect(await history(ws)).toEqual(
      expect.arrayContaining([
        'Imported part 1 of 4 from a spreadsheet: 1005 actors, 0 relationships, 0 sources',
        'Imported part 4 of 4 from a spreadsheet: 0 actors, 1000 relationships, 0 sources',
      ]),
    );

    const again = await importFile(ctx.app, me, ws, { format: 'csv', mapping }, file);
    expect(again).toMatchObject({
      state: 'done',
      written: 'all',
      counts: { actorsCreated: 0, relationshipsCreated: 0, actorsMatched: 1005 },
    });
    expect(await count(ws, 'relationships')).toBe(5000);
  });

  it('takes the written parts out again when a later part fails, and says why', async () => {
    const ws = await newWorkspace(ctx.app, me, 'Failing parts');
    const started = await startImport(ctx.app, me, ws, { format: 'csv', mapping }, { name: 'big.csv', content: table(2000, 10) });
    expect(started.status).toBe(202);
    // Once the actors are in, someone deletes a company every later part of ties names.
    let company: { id: string; version: number } | undefined;
    for (const deadline = Date.now() + 120_000; !company && Date.now() < deadline;) {
      company = await ctx.db.read((tx) =>
        tx.one<{ id: string; version: number }>(
          "MATCH (a:Actor {name: 'Company 9'}) WHERE a.workspaceId = $ws RETURN a.id AS id, a.version AS version",
          { ws },
        ),
      );
      if (!company) await new Promise((r) => setTimeout(r, 50));
    }
    expect(company, 'the actors were written').toBeDefined();
    const removed = await call(ctx.app, me, 'DELETE', `/api/workspaces/${ws}/actors/${company!.id}?version=${company!.version}`);
    expect(removed.status).toBe(204);

    const job = await finished(ctx.app, me, ws, started.body.id);
    expect(job).toMatchObject({ state: 'failed', written: 'none' });
    expect(job.failure).toMatch(/deleted meanwhile/);
    expect(job.failure).toMatch(/Nothing of the import is kept/);
    expect(await count(ws, 'actors')).toBe(0);
    expect(await count(ws, 'relationships')).toBe(0);
    expect((await history(ws)).some((s) => s.startsWith('Took out part 1 of'))).toBe(true);
  });
});

describe('an import whose server is killed halfway', () => {
  let ctx: TestContext;
  let me: Caller;
  let run: Run | undefined;
  beforeAll(async () => {
    ctx = await testApp({ env: PARTS });
    me = await signUp(ctx.app, 'Killed importer');
  });
  afterAll(async () => {
    run?.kill('SIGKILL');
    await ctx.close();
  });

  it('is taken out by the next server, and the job says so', { timeout: 300_000 }, async () => {
    const ws = await newWorkspace(ctx.app, me, 'Killed');
    const port = await freePort();
    run = startMain({
      NEO4J_URI: inject('neo4jUri'),
      ...(inject('neo4jPassword') ? { NEO4J_USER: inject('neo4jUser'), NEO4J_PASSWORD: inject('neo4jPassword') } : {}),
      SESSION_SECRET: 'killed-import-secret-killed-import-secret',
      PORT: String(port),
      ...PARTS,
    });
    const [, url] = await run.waitFor(/powermap is running at (http:\/\/\S+)/);
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: me.email, password: 'correct horse battery' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const { payload, contentType } = formData({ format: 'csv', mapping }, { name: 'big.csv', content: table(2000, 10) });
    const upload = await fetch(`${url}/api/workspaces/${ws}/imports`, {
      method: 'POST',
      headers: { cookie, 'content-type': contentType },
      body: payload,
    });
    expect(upload.status).toBe(202);
    const { id } = (await upload.json()) as { id: string };

    // Kill it outright once it has written a part of its ties (parts 1 and 2 are the actors).
    for (const deadline = Date.now() + 120_000; ;) {
      const job = (await call(ctx.app, me, 'GET', `/api/workspaces/${ws}/imports/${id}`)).body;
      if (job.parts >= 3) break;
      expect(job.state, job.failure).not.toBe('failed');
      expect(Date.now()).toBeLessThan(deadline);
      await new Promise((r) => setTimeout(r, 50));
    }
    run.kill('SIGKILL');
    await run.code;
    const left = await ctx.db.read((tx) => tx.one<{ parts: number }>('MATCH (j:ImportJob {id: $id}) RETURN j.parts AS parts', { id }));
    expect(await count(), `after ${left?.parts} parts`).toBeGreaterThan(0);

    // As it is 30 s later: its heartbeat is old. The next server to start takes the parts out.
    await ctx.db.write((tx) => tx.query("MATCH (j:ImportJob {id: $id}) SET j.heartbeatAt = '2000-01-01T00:00:00.000Z'", { id }));
    const next = await testApp({ env: PARTS });
    try {
      let job: { state: string; written: string; failure: string } | undefined;
      for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
        job = (await call(next.app, me, 'GET', `/api/workspaces/${ws}/imports/${id}`)).body;
        if (job!.written === 'none') break;
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(job).toMatchObject({ state: 'failed', written: 'none' });
      expect(job!.failure).toMatch(/taken out again, so nothing of it is kept/);
      expect(await count()).toBe(0);
    } finally {
      await next.close();
    }

    function count() {
      return stored(ctx, ws, 'relationships');
    }
  });
});
