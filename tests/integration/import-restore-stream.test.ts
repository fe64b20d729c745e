/**
 * A backup uploaded as an import job is read as a stream: while a large one is being read,
 * the server goes on answering everyone else, and the job tells how many records it has read.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestContext } from '../support/app.js';
import { call, newWorkspace, signUp, type Caller } from '../support/api.js';
import { importFile, startImport } from '../support/imports.js';

const ACTORS = 40_000;
const TIES = 120_000;

function largeBackup() {
  const actors = Array.from({ length: ACTORS }, (_, i) => ({
    id: randomUUID(),
    kind: i % 3 ? 'organization' : 'person',
    name: `Actor ${i} of a large campaign`,
    description: `Notes on actor ${i}: ${'background '.repeat(8)}`,
    tags: ['large', `group-${i % 50}`],
  }));
  const relationships = Array.from({ length: TIES }, (_, i) => ({
    id: randomUUID(),
    type: 'GENERIC',
    from: actors[i % ACTORS]!.id,
    to: actors[(i * 7 + 1) % ACTORS]!.id,
    label: `tie ${i}`,
  }));
  return {
    format: 'powermap-backup',
    version: 1,
    exportedAt: '2026-01-05T10:00:00.000Z',
    workspace: { name: 'A large campaign', description: '' },
    actors,
    relationships,
    history: null,
  };
}

describe('restoring a large backup as a stream', () => {
  let ctx: TestContext;
  let me: Caller;
  let other: Caller;

  beforeAll(async () => {
    ctx = await testApp();
    me = await signUp(ctx.app, 'Large restorer');
    other = await signUp(ctx.app, 'Someone else entirely');
    await newWorkspace(ctx.app, other, 'Their own work');
  });
  afterAll(() => ctx.close());

  it('answers another user’s GET while the backup is still being read, then counts every record', async () => {
    const ws = await newWorkspace(ctx.app, me, 'Restore target');
    const content = JSON.stringify(largeBackup());
    const started = await startImport(ctx.app, me, ws, { format: 'backup', dryRun: 'true' }, { name: 'large.backup.json', content });
    expect(started.status).toBe(202);
    const job = () => call(ctx.app, me, 'GET', `/api/workspaces/${ws}/imports/${started.body.id}`);

    // The job has read some records and not yet all of them…
    let before = (await job()).body;
    while (!(before.state === 'running' && before.progress.rows > 0)) {
      expect(before.state, JSON.stringify(before)).not.toMatch(/done|failed/);
      await new Promise((r) => setTimeout(r, 20));
      before = (await job()).body;
    }
    // …when another user asks for their workspaces, and is answered…
    const theirs = await call(ctx.app, other, 'GET', '/api/workspaces');
    expect(theirs.status).toBe(200);
    expect(theirs.body.items.map((w: { name: string }) => w.name)).toEqual(['Their own work']);
    // …and the job is still reading afterwards: the answer came between two pieces of the file.
    const after = (await job()).body;
    expect(after.state).toBe('running');
    expect(after.progress.rows).toBeGreaterThanOrEqual(before.progress.rows);
    expect(after.progress.rows).toBeLessThan(ACTORS + TIES);

    let last = after;
    while (last.state === 'running' || last.state === 'queued') {
      await new Promise((r) => setTimeout(r, 100));
      last = (await job()).body;
    }
    expect(last).toMatchObject({ state: 'done', counts: { actorsCreated: ACTORS, relationshipsCreated: TIES } });
    expect((await call(ctx.app, me, 'GET', `/api/workspaces/${ws}/actors`)).body.items).toHaveLength(0);
  }, 600_000);

  it('names the first wrong record deep in the file, and a file cut short as not JSON', async () => {
    const ws = await newWorkspace(ctx.app, me, 'Bad restores');
    const doc = largeBackup();
    doc.relationships = doc.relationships.slice(0, 5_000);
    (doc.relationships[4_321] as { type: string }).type = 'FRIENDSHIP';
    const bad = await importFile(ctx.app, me, ws, { format: 'backup' }, { name: 'bad.json', content: JSON.stringify(doc) });
    expect(bad.state).toBe('failed');
    expect(bad.failure).toMatch(/^file\.relationships\.4321\.type: /);

    const text = JSON.stringify({ ...doc, relationships: doc.relationships.slice(0, 100) });
    const cut = await importFile(ctx.app, me, ws, { format: 'backup' }, { name: 'cut.json', content: text.slice(0, text.length - 300) });
    expect(cut).toMatchObject({ state: 'failed', failure: expect.stringMatching(/not a powermap backup: it is not JSON/) });

    const wrongFormat = await importFile(
      ctx.app,
      me,
      ws,
      { format: 'backup' },
      { name: 'other.json', content: JSON.stringify({ ...doc, format: 'kumu', relationships: [] }) },
    );
    expect(wrongFormat.failure).toMatch(/^file\.format: is not "powermap-backup"/);
    expect((await call(ctx.app, me, 'GET', `/api/workspaces/${ws}/actors`)).body.items).toHaveLength(0);
  }, 600_000);
});
