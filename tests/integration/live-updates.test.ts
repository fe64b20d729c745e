import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestContext } from '../support/app.js';
import { call, newWorkspace, signUp, type Caller } from '../support/api.js';
import { openStream, until } from '../support/sse.js';

interface Change {
  action: string;
  summary: string;
  diffs: { after: unknown }[];
}

describe('live updates', { timeout: 120_000 }, () => {
  let serving: TestContext;
  let writing: TestContext;
  let port: number;
  let me: Caller;
  let ws: string;

  beforeAll(async () => {
    // Two API instances over one database, as behind a load balancer.
    serving = await testApp();
    writing = await testApp();
    await serving.app.listen({ port: 0, host: '127.0.0.1' });
    port = (serving.app.server.address() as { port: number }).port;
    me = await signUp(writing.app, 'Live');
    ws = await newWorkspace(writing.app, me, 'Live');
  });
  afterAll(async () => {
    await serving.close();
    await writing.close();
  });

  it('streams another instance’s edits in order, and resumes after the last one seen', async () => {
    const stream = await openStream<Change>(port, `/api/workspaces/${ws}/events`, me.cookie);
    const a = await call(writing.app, me, 'POST', `/api/workspaces/${ws}/actors`, { kind: 'person', name: 'First' });
    await call(writing.app, me, 'PATCH', `/api/workspaces/${ws}/actors/${a.body.id}`, { power: 4, version: 1 });
    await until(() => stream.events.length >= 2, 'both edits arrive');
    expect(stream.events.map((e) => [e.event, e.data.action, e.data.summary])).toEqual([
      ['change', 'create', 'Added First'],
      ['change', 'update', 'Edited First'],
    ]);
    expect(stream.events[1]!.data.diffs[0]!.after).toMatchObject({ power: 4, version: 2 });
    const lastSeen = stream.events[0]!.id;
    stream.close();

    await call(writing.app, me, 'POST', `/api/workspaces/${ws}/actors`, { kind: 'person', name: 'While away' });
    const resumed = await openStream<Change>(port, `/api/workspaces/${ws}/events`, me.cookie, { 'last-event-id': lastSeen! });
    await until(() => resumed.events.length >= 2, 'the missed edits arrive');
    expect(resumed.events.map((e) => e.data.summary)).toEqual(['Edited First', 'Added While away']);
    resumed.close();
  });

  it('refuses the stream to someone outside the workspace', async () => {
    const outsider = await signUp(writing.app, 'Outsider');
    const status = await new Promise<number>((resolve) => {
      http.get({ host: '127.0.0.1', port, path: `/api/workspaces/${ws}/events`, headers: { cookie: outsider.cookie } }, (res) => {
        resolve(res.statusCode ?? 0);
        res.destroy();
      });
    });
    expect(status).toBe(404);
  });
});
