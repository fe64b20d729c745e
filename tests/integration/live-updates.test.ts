import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestContext } from '../support/app.js';
import { call, newWorkspace, signUp, type Caller } from '../support/api.js';

interface Event {
  id: string;
  event: string;
  data: { action: string; summary: string; diffs: { after: unknown }[] };
}

/** Opens an event stream and collects its events until `close` is called. */
function listen(port: number, path: string, cookie: string, headers: Record<string, string> = {}) {
  const events: Event[] = [];
  let buffer = '';
  let request: http.ClientRequest;
  const opened = new Promise<void>((resolve, reject) => {
    request = http.get({ host: '127.0.0.1', port, path, headers: { cookie, accept: 'text/event-stream', ...headers } }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        const blocks = buffer.split('\n\n');
        buffer = blocks.pop()!;
        for (const block of blocks) {
          const fields = Object.fromEntries(
            block
              .split('\n')
              .filter((l) => !l.startsWith(':') && l.includes(': '))
              .map((l) => [l.slice(0, l.indexOf(': ')), l.slice(l.indexOf(': ') + 2)]),
          );
          if (fields.event) events.push({ id: fields.id!, event: fields.event, data: JSON.parse(fields.data!) });
        }
      });
      resolve();
    });
    request.on('error', reject);
  });
  return { events, opened, close: () => request.destroy() };
}

async function until(check: () => boolean, ms = 60_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting for events');
    await new Promise((r) => setTimeout(r, 50));
  }
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
    const stream = listen(port, `/api/workspaces/${ws}/events`, me.cookie);
    await stream.opened;
    const a = await call(writing.app, me, 'POST', `/api/workspaces/${ws}/actors`, { kind: 'person', name: 'First' });
    await call(writing.app, me, 'PATCH', `/api/workspaces/${ws}/actors/${a.body.id}`, { power: 4, version: 1 });
    await until(() => stream.events.length >= 2);
    expect(stream.events.map((e) => [e.event, e.data.action, e.data.summary])).toEqual([
      ['change', 'create', 'Added First'],
      ['change', 'update', 'Edited First'],
    ]);
    expect(stream.events[1]!.data.diffs[0]!.after).toMatchObject({ power: 4, version: 2 });
    const lastSeen = stream.events[0]!.id;
    stream.close();

    await call(writing.app, me, 'POST', `/api/workspaces/${ws}/actors`, { kind: 'person', name: 'While away' });
    const resumed = listen(port, `/api/workspaces/${ws}/events`, me.cookie, { 'last-event-id': lastSeen });
    await resumed.opened;
    await until(() => resumed.events.length >= 2);
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
