/**
 * A partner member watching a map shared with their workspace: told that it changed, and
 * nothing more (no change number, author or summary), not told about work that is not on
 * the shared map, and cut off the moment the share is revoked or they leave the workspace.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STREAMS_PER_ACCOUNT } from '../../server/routes/events.js';
import { testApp, type TestContext } from '../support/app.js';
import { call, newWorkspace, signUp, type Caller } from '../support/api.js';
import { openStream, until, type Stream } from '../support/sse.js';

const SECRET = 'MARKER-PRIVATE-CONTACT-4e1b';

describe('a partner watching a shared map', { timeout: 120_000 }, () => {
  let ctx: TestContext;
  let port: number;
  const people = {} as Record<'olga' | 'rosa' | 'eli', Caller>;
  let owner: string;
  let partner: string;
  let mapId: string;
  let onMap: string;
  let shareId: string;
  const opened: Stream[] = [];

  const api = (who: Caller, method: 'GET' | 'POST' | 'DELETE' | 'PATCH', path: string, body?: unknown) =>
    call(ctx.app, who, method, path, body);
  const make = async (name: string) =>
    (await api(people.olga, 'POST', `/api/workspaces/${owner}/actors`, { kind: 'person', name })).body.id as string;
  const share = async () => {
    const offered = await api(people.olga, 'POST', `/api/workspaces/${owner}/maps/${mapId}/shares`, {
      partnerWorkspaceId: partner,
      access: 'read',
    });
    expect(offered.status, JSON.stringify(offered.body)).toBe(201);
    const accepted = await api(people.rosa, 'POST', `/api/workspaces/${partner}/incoming-shares/${offered.body.id}/accept`, {});
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    return offered.body.id as string;
  };
  const watch = async (who: Caller, shareId: string) => {
    const stream = await openStream(port, `/api/workspaces/${partner}/shared-maps/${shareId}/events`, who.cookie);
    opened.push(stream);
    return stream;
  };

  beforeAll(async () => {
    ctx = await testApp();
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    port = (ctx.app.server.address() as { port: number }).port;
    for (const name of ['olga', 'rosa', 'eli'] as const) people[name] = await signUp(ctx.app, name);
    owner = await newWorkspace(ctx.app, people.olga, 'Nurses United');
    partner = await newWorkspace(ctx.app, people.rosa, 'Local 1021');
    await api(people.rosa, 'POST', `/api/workspaces/${partner}/members`, { email: people.eli.email, role: 'viewer' });
    onMap = await make('Superintendent Vega');
    mapId = (await api(people.olga, 'POST', `/api/workspaces/${owner}/maps`, { name: 'Who decides' })).body.id as string;
    await api(people.olga, 'POST', `/api/workspaces/${owner}/maps/${mapId}/members`, { actorIds: [onMap] });
    shareId = await share();
  });
  afterAll(async () => {
    for (const stream of opened) stream.close();
    await ctx.close();
  });

  it('says that the shared map changed, and nothing about who, what or unshared work', async () => {
    const stream = await watch(people.eli, shareId);
    expect(stream.status).toBe(200);
    // Work off the map, and an internal field on it, change nothing the partner sees.
    await make('Secret Donor LLC');
    const detail = await api(people.olga, 'GET', `/api/workspaces/${owner}/actors/${onMap}`);
    const patched = await api(people.olga, 'PATCH', `/api/workspaces/${owner}/actors/${onMap}`, {
      contactOwner: SECRET,
      version: detail.body.version,
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    // Then an actor joins the shared map: that is news.
    const joined = await make('Trustee Park');
    await api(people.olga, 'POST', `/api/workspaces/${owner}/maps/${mapId}/members`, { actorIds: [joined] });
    await until(() => stream.events.some((e) => e.event === 'change'), 'the partner hears of the change');
    const seen = (await api(people.eli, 'GET', `/api/workspaces/${partner}/shared-maps/${shareId}`)).body;
    expect(seen.actors.map((a: { name: string }) => a.name).sort()).toEqual(['Superintendent Vega', 'Trustee Park']);

    expect(stream.events.every((e) => e.event === 'change' && Object.keys(e.data).length === 0)).toBe(true);
    expect(stream.body).not.toMatch(/^id:/m);
    for (const leak of [SECRET, 'Secret Donor', 'Trustee Park', people.olga.email, 'olga']) expect(stream.body).not.toContain(leak);
  });

  it('ends the stream of a member removed from the partner workspace', async () => {
    const stream = await watch(people.eli, shareId);
    expect(stream.status).toBe(200);
    expect((await api(people.rosa, 'DELETE', `/api/workspaces/${partner}/members/${people.eli.email}`)).status).toBe(204);
    await until(() => stream.ended, 'the stream ends');
    expect(stream.events.at(-1)).toMatchObject({ event: 'end', data: { reason: 'removed' } });
    expect((await watch(people.eli, shareId)).status).toBe(404);
  });

  it('counts shared-map streams with the workspace streams of the same account', async () => {
    const streams: Stream[] = [];
    for (let i = 0; i < STREAMS_PER_ACCOUNT; i++)
      streams.push(await openStream(port, `/api/workspaces/${partner}/events`, people.rosa.cookie));
    opened.push(...streams);
    expect(streams.every((s) => s.status === 200)).toBe(true);
    const refused = await watch(people.rosa, shareId);
    expect(refused.status).toBe(429);
    streams[0]!.close();
    await until(() => streams[0]!.ended, 'a stream closes');
    let next: Stream | undefined;
    const end = Date.now() + 30_000;
    while ((next = await watch(people.rosa, shareId)).status === 429 && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    expect(next.status).toBe(200);
    for (const s of [...streams, next]) s.close();
    await until(() => [...streams, next].every((s) => s.ended), 'the streams close');
  });

  it('ends the stream at once when the share is revoked', async () => {
    // The server frees the streams closed above once it sees them close.
    let stream = await watch(people.rosa, shareId);
    const end = Date.now() + 30_000;
    while (stream.status === 429 && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 100));
      stream = await watch(people.rosa, shareId);
    }
    expect(stream.status).toBe(200);
    expect((await api(people.olga, 'DELETE', `/api/workspaces/${owner}/maps/${mapId}/shares/${shareId}`)).status).toBe(204);
    await until(() => stream.ended, 'the stream ends');
    expect(stream.events.at(-1)).toMatchObject({ event: 'end', data: { reason: 'revoked' } });
    const again = await watch(people.rosa, shareId);
    expect(again.status).toBe(404);
  });
});
