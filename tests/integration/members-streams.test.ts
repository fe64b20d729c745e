/**
 * Someone removed from a workspace is cut off at once, on every API instance: their live
 * streams end, and they cannot write through another instance's memory of their role.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STREAMS_PER_ACCOUNT } from '../../server/routes/events.js';
import { testApp, type TestContext } from '../support/app.js';
import { call, newWorkspace, signUp, type Caller } from '../support/api.js';
import { openStream, until } from '../support/sse.js';

type Watch = { summary?: string; reason?: string };
const open = (port: number, ws: string, who: Caller) => openStream<Watch>(port, `/api/workspaces/${ws}/events`, who.cookie);

describe('removed members are cut off', { timeout: 120_000 }, () => {
  // Two API instances over one database, as behind a load balancer.
  let serving: TestContext;
  let other: TestContext;
  let port: number;
  let owner: Caller;

  beforeAll(async () => {
    serving = await testApp();
    other = await testApp();
    await serving.app.listen({ port: 0, host: '127.0.0.1' });
    port = (serving.app.server.address() as { port: number }).port;
    owner = await signUp(other.app, 'Owner');
  });
  afterAll(async () => {
    await serving.close();
    await other.close();
  });

  const withMember = async (role: 'editor' | 'viewer', name: string) => {
    const member = await signUp(other.app, name);
    const ws = await newWorkspace(other.app, owner, name);
    expect((await call(other.app, owner, 'POST', `/api/workspaces/${ws}/members`, { email: member.email, role })).status).toBe(201);
    return { member, ws };
  };

  it('ends the event stream of someone removed on another instance, and sends them nothing more', async () => {
    const { member, ws } = await withMember('editor', 'Removed');
    const watcher = await open(port, ws, member);
    const ownStream = await open(port, ws, owner);
    expect(watcher.status).toBe(200);
    expect((await call(other.app, owner, 'POST', `/api/workspaces/${ws}/actors`, { kind: 'person', name: 'Before' })).status).toBe(201);
    await until(() => watcher.events.length === 1, 'the member sees the first change');

    expect((await call(other.app, owner, 'DELETE', `/api/workspaces/${ws}/members/${member.email}`)).status).toBe(204);
    const after = await call(other.app, owner, 'POST', `/api/workspaces/${ws}/actors`, { kind: 'person', name: 'After' });
    expect(after.status, JSON.stringify(after.body)).toBe(201);
    await until(() => watcher.ended, 'the removed member’s stream ends');
    expect(watcher.events.map((e) => (e.event === 'change' ? e.data.summary : e.event))).toEqual(['Added Before', 'end']);
    expect(watcher.events[1]!.data).toMatchObject({ reason: 'removed' });
    // The owner's stream on the same workspace goes on.
    await until(
      () => ownStream.events.length === 2,
      () => `the owner sees both changes; got: ${JSON.stringify(ownStream.body)}`,
    );
    expect(ownStream.ended).toBe(false);
    ownStream.close();

    const reopened = await open(port, ws, member);
    expect(reopened.status).toBe(404);
  });

  it('ends every stream on a workspace that is deleted', async () => {
    const { member, ws } = await withMember('viewer', 'Deleted');
    const streams = [await open(port, ws, member), await open(port, ws, owner)];
    expect((await call(other.app, owner, 'DELETE', `/api/workspaces/${ws}`)).status).toBe(204);
    await until(() => streams.every((s) => s.ended), 'every stream on the deleted workspace ends');
    for (const s of streams) expect(s.events.at(-1)).toMatchObject({ event: 'end', data: { reason: 'deleted' } });
  });

  it('does not let a removed member, or a demoted editor, write through another instance that saw their role a moment ago', async () => {
    const removed = await withMember('editor', 'Cached removed');
    const demoted = await withMember('editor', 'Cached demoted');
    for (const { member, ws } of [removed, demoted]) {
      // The serving instance learns their role...
      expect((await call(serving.app, member, 'GET', `/api/workspaces/${ws}/actors`)).status).toBe(200);
      expect((await call(serving.app, member, 'POST', `/api/workspaces/${ws}/actors`, { kind: 'person', name: 'Allowed' })).status).toBe(
        201,
      );
    }
    // ...and the change happens on the other one.
    expect((await call(other.app, owner, 'DELETE', `/api/workspaces/${removed.ws}/members/${removed.member.email}`)).status).toBe(204);
    expect(
      (await call(other.app, owner, 'PATCH', `/api/workspaces/${demoted.ws}/members/${demoted.member.email}`, { role: 'viewer' })).status,
    ).toBe(200);

    expect(
      (await call(serving.app, removed.member, 'POST', `/api/workspaces/${removed.ws}/actors`, { kind: 'person', name: 'Too late' }))
        .status,
    ).toBe(404);
    const write = await call(serving.app, demoted.member, 'POST', `/api/workspaces/${demoted.ws}/actors`, {
      kind: 'person',
      name: 'Too late',
    });
    expect(write.status).toBe(403);
    // Reads catch up within a second at most; polled, with no clock in the assertion, so that a busy machine does not fail it.
    await until(
      async () => (await call(serving.app, removed.member, 'GET', `/api/workspaces/${removed.ws}/actors`)).status === 404,
      'the removed member’s reads are refused',
    );
  });

  it(`opens at most ${STREAMS_PER_ACCOUNT} streams per account, and the next one answers 429 until one closes`, async () => {
    const greedy = await signUp(other.app, 'Greedy');
    const ws = await newWorkspace(other.app, greedy, 'Many tabs');
    const streams = await Promise.all(Array.from({ length: STREAMS_PER_ACCOUNT }, () => open(port, ws, greedy)));
    expect(streams.map((s) => s.status)).toEqual(Array(STREAMS_PER_ACCOUNT).fill(200));
    const refused = await open(port, ws, greedy);
    await until(() => refused.ended, 'the refused answer is complete');
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.body).detail).toMatch(/already have 8 live update streams open.*Close a tab/);
    // Someone else is not held back by it.
    const { member } = await withMember('viewer', 'Neighbour');
    expect((await open(port, await newWorkspace(other.app, member, 'Own'), member)).status).toBe(200);

    streams[0]!.close();
    await until(async () => {
      const next = await open(port, ws, greedy);
      if (next.status === 200) {
        next.close();
        return true;
      }
      return false;
    }, 'a stream can open again once one closed');
    for (const s of streams) s.close();
  });
});
