/**
 * Ids are per workspace: an id a client chooses that another workspace already uses is
 * neither refused (that would tell an outsider the id exists there) nor accepted while
 * storing nothing. Each workspace then reads its own record under that id.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestContext } from '../support/app.js';
import { call, newWorkspace, signUp, type Caller } from '../support/api.js';

describe('client-chosen ids in two workspaces', () => {
  let ctx: TestContext;
  let alice: Caller;
  let bob: Caller;
  let wsA: string;
  let wsB: string;
  const inA = (path: string) => `/api/workspaces/${wsA}${path}`;
  const inB = (path: string) => `/api/workspaces/${wsB}${path}`;

  beforeAll(async () => {
    ctx = await testApp();
    alice = await signUp(ctx.app, 'Alice');
    bob = await signUp(ctx.app, 'Bob');
    wsA = await newWorkspace(ctx.app, alice, 'Alice research');
    wsB = await newWorkspace(ctx.app, bob, 'Bob campaign');
  });
  afterAll(() => ctx.close());

  it('lets two workspaces each create an actor with the same id, and each reads its own', async () => {
    const id = randomUUID();
    const a = await call(ctx.app, alice, 'POST', inA('/actors'), { id, kind: 'person', name: 'Alice’s mayor' });
    expect(a.status).toBe(201);
    const b = await call(ctx.app, bob, 'POST', inB('/actors'), { id, kind: 'organization', name: 'Bob’s employer' });
    expect(b.status, JSON.stringify(b.body)).toBe(201);
    expect(b.body).toMatchObject({ id, name: 'Bob’s employer', version: 1 });
    expect(JSON.stringify((await call(ctx.app, alice, 'GET', inA(`/actors/${id}`))).body)).toContain('Alice’s mayor');
    const bobs = await call(ctx.app, bob, 'GET', inB(`/actors/${id}`));
    expect(bobs.status).toBe(200);
    expect(JSON.stringify(bobs.body)).toContain('Bob’s employer');
    expect(JSON.stringify(bobs.body)).not.toContain('Alice');
    // Within one workspace an id is still taken once.
    expect((await call(ctx.app, bob, 'POST', inB('/actors'), { id, kind: 'person', name: 'Again' })).status).toBe(409);
    // Each one's edit and delete touch only their own.
    const patched = await call(ctx.app, bob, 'PATCH', inB(`/actors/${id}`), { name: 'Bob’s renamed employer', version: 1 });
    expect(patched.status).toBe(200);
    expect(JSON.stringify((await call(ctx.app, alice, 'GET', inA(`/actors/${id}`))).body)).toContain('Alice’s mayor');
    expect((await call(ctx.app, bob, 'DELETE', inB(`/actors/${id}`), undefined, { 'if-match': '2' })).status).toBe(204);
    expect((await call(ctx.app, alice, 'GET', inA(`/actors/${id}`))).status).toBe(200);
    expect((await call(ctx.app, bob, 'GET', inB(`/actors/${id}`))).status).toBe(404);
  });

  it('does the same for actors created in a batch', async () => {
    const id = randomUUID();
    expect((await call(ctx.app, alice, 'POST', inA('/actors'), { id, kind: 'person', name: 'Alice’s trustee' })).status).toBe(201);
    const batch = await call(ctx.app, bob, 'POST', inB('/batch'), {
      operations: [{ op: 'create', entity: 'actor', data: { id, kind: 'person', name: 'Bob’s trustee' } }],
    });
    expect(batch.status, JSON.stringify(batch.body)).toBe(200);
    expect(JSON.stringify((await call(ctx.app, bob, 'GET', inB(`/actors/${id}`))).body)).toContain('Bob’s trustee');
    expect(JSON.stringify((await call(ctx.app, alice, 'GET', inA(`/actors/${id}`))).body)).toContain('Alice’s trustee');
  });

  it('lets two workspaces each create a relationship with the same id, singly and in a batch', async () => {
    const ends = async (caller: Caller, path: (p: string) => string) => {
      const p = (await call(ctx.app, caller, 'POST', path('/actors'), { kind: 'person', name: 'Board member' })).body.id as string;
      const o = (await call(ctx.app, caller, 'POST', path('/actors'), { kind: 'organization', name: 'Hospital' })).body.id as string;
      return { p, o };
    };
    const a = await ends(alice, inA);
    const b = await ends(bob, inB);
    const id = randomUUID();
    const mine = await call(ctx.app, alice, 'POST', inA('/relationships'), { id, type: 'POSITION', from: a.p, to: a.o, title: 'Trustee' });
    expect(mine.status).toBe(201);
    const theirs = await call(ctx.app, bob, 'POST', inB('/relationships'), { id, type: 'POSITION', from: b.p, to: b.o, title: 'Chair' });
    expect(theirs.status, JSON.stringify(theirs.body)).toBe(201);
    expect((await call(ctx.app, alice, 'GET', inA(`/relationships/${id}`))).body).toMatchObject({ id, from: a.p, title: 'Trustee' });
    expect((await call(ctx.app, bob, 'GET', inB(`/relationships/${id}`))).body).toMatchObject({ id, from: b.p, title: 'Chair' });

    const batchId = randomUUID();
    expect((await call(ctx.app, alice, 'POST', inA('/relationships'), { id: batchId, type: 'DONATION', from: a.p, to: a.o })).status).toBe(
      201,
    );
    const batch = await call(ctx.app, bob, 'POST', inB('/batch'), {
      operations: [{ op: 'create', entity: 'relationship', data: { id: batchId, type: 'DONATION', from: b.p, to: b.o, amount: 500 } }],
    });
    expect(batch.status, JSON.stringify(batch.body)).toBe(200);
    expect((await call(ctx.app, bob, 'GET', inB(`/relationships/${batchId}`))).body).toMatchObject({ id: batchId, from: b.p, amount: 500 });
    expect((await call(ctx.app, alice, 'GET', inA(`/relationships/${batchId}`))).body).toMatchObject({ id: batchId, from: a.p });
    expect((await call(ctx.app, bob, 'GET', inB('/relationships'))).body.items).toHaveLength(2);
  });

  it('lets two workspaces each record an assessment with the same id, and each lists its own', async () => {
    const actorA = (await call(ctx.app, alice, 'POST', inA('/actors'), { kind: 'person', name: 'Councillor' })).body.id as string;
    const actorB = (await call(ctx.app, bob, 'POST', inB('/actors'), { kind: 'person', name: 'Senator' })).body.id as string;
    const id = randomUUID();
    const a = await call(ctx.app, alice, 'POST', inA(`/actors/${actorA}/assessments`), {
      id,
      power: 2,
      alignment: 1,
      note: 'Alice’s reading',
    });
    expect(a.status).toBe(201);
    const b = await call(ctx.app, bob, 'POST', inB(`/actors/${actorB}/assessments`), {
      id,
      power: 5,
      alignment: -3,
      note: 'Bob’s reading',
    });
    expect(b.status, JSON.stringify(b.body)).toBe(201);
    const listB = (await call(ctx.app, bob, 'GET', inB(`/actors/${actorB}/assessments`))).body.items;
    expect(listB).toEqual([expect.objectContaining({ id, actorId: actorB, power: 5, note: 'Bob’s reading' })]);
    const listA = (await call(ctx.app, alice, 'GET', inA(`/actors/${actorA}/assessments`))).body.items;
    expect(listA).toEqual([expect.objectContaining({ id, actorId: actorA, power: 2, note: 'Alice’s reading' })]);
    // The reading became Bob's senator's current power: it was stored, not dropped.
    expect(JSON.stringify((await call(ctx.app, bob, 'GET', inB(`/actors/${actorB}`))).body)).toContain('"power":5');
  });
});
