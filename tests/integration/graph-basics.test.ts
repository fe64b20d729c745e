import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestContext } from '../support/app.js';
import { call, newWorkspace, signUp, type Caller } from '../support/api.js';

describe('building a power map', () => {
  let ctx: TestContext;
  let me: Caller;
  let ws: string;
  const url = (path: string) => `/api/workspaces/${ws}${path}`;

  beforeAll(async () => {
    ctx = await testApp();
    me = await signUp(ctx.app, 'Rosa Researcher');
    ws = await newWorkspace(ctx.app, me, 'Hospital campaign');
  });
  afterAll(() => ctx.close());

  it('creates actors and a cited relationship, and shows them on the actor page', async () => {
    const ceo = await call(ctx.app, me, 'POST', url('/actors'), {
      kind: 'person',
      name: 'Dana Whitlock',
      roles: ['decision_maker'],
      power: 5,
      alignment: -2,
    });
    expect(ceo.status).toBe(201);
    expect(ceo.body).toMatchObject({ name: 'Dana Whitlock', version: 1, power: 5, aliases: [] });
    const firm = await call(ctx.app, me, 'POST', url('/actors'), {
      kind: 'organization',
      name: 'Meridian Health Partners',
      sector: 'corporate',
    });
    expect(firm.status).toBe(201);
    const src = await call(ctx.app, me, 'POST', url('/sources'), {
      url: 'https://www.example.com/board?utm_source=x',
      title: 'Board page',
    });
    expect(src.status).toBe(201);
    const again = await call(ctx.app, me, 'POST', url('/sources'), { url: 'http://example.com/board/' });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(src.body.id);

    const rel = await call(ctx.app, me, 'POST', url('/relationships'), {
      type: 'POSITION',
      from: ceo.body.id,
      to: firm.body.id,
      title: 'CEO',
      executive: true,
      sourceIds: [src.body.id],
    });
    expect(rel.status).toBe(201);
    expect(rel.body).toMatchObject({ type: 'POSITION', title: 'CEO', board: false, executive: true, strength: 3, mutual: false });

    const page = await call(ctx.app, me, 'GET', url(`/actors/${ceo.body.id}`));
    expect(page.status).toBe(200);
    expect(page.body.relationships.POSITION[0]).toMatchObject({ direction: 'out', other: { name: 'Meridian Health Partners' } });
    expect(page.body.sources.map((s: { id: string }) => s.id)).toEqual([src.body.id]);
  });

  it('refuses a POSITION that starts at an organisation, naming why', async () => {
    const org = await call(ctx.app, me, 'POST', url('/actors'), { kind: 'organization', name: 'Org A' });
    const org2 = await call(ctx.app, me, 'POST', url('/actors'), { kind: 'organization', name: 'Org B' });
    const res = await call(ctx.app, me, 'POST', url('/relationships'), { type: 'POSITION', from: org.body.id, to: org2.body.id });
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/must start at a person/);
  });

  it('names the field in a validation error', async () => {
    const res = await call(ctx.app, me, 'POST', url('/actors'), { kind: 'person', name: 'X', power: 9 });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('body.power');
  });

  it('refuses a stale write with the current state', async () => {
    const a = await call(ctx.app, me, 'POST', url('/actors'), { kind: 'person', name: 'Pat Official' });
    const first = await call(ctx.app, me, 'PATCH', url(`/actors/${a.body.id}`), { description: 'first', version: 1 });
    expect(first.status).toBe(200);
    const stale = await call(ctx.app, me, 'PATCH', url(`/actors/${a.body.id}`), { description: 'second', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ description: 'first', version: 2 });
    const noVersion = await call(ctx.app, me, 'PATCH', url(`/actors/${a.body.id}`), { description: 'third' });
    expect(noVersion.status).toBe(428);
    const ifMatch = await call(ctx.app, me, 'PATCH', url(`/actors/${a.body.id}`), { description: 'third' }, { 'if-match': '"2"' });
    expect(ifMatch.status).toBe(200);
  });

  it('finds actors despite a typo and with Lucene syntax in the text', async () => {
    await call(ctx.app, me, 'POST', url('/actors'), { kind: 'organization', name: 'Blackstone Group', aliases: ['BX'] });
    const typo = await call(ctx.app, me, 'GET', url('/search?q=blakstone'));
    expect(typo.status).toBe(200);
    expect(typo.body.items[0].name).toBe('Blackstone Group');
    const hostile = await call(ctx.app, me, 'GET', url(`/search?q=${encodeURIComponent('AT&T (US) "C++: [x]~ \\')}`));
    expect(hostile.status).toBe(200);
  });

  it('ranks an exact name first and narrows by role, kind and power', async () => {
    await call(ctx.app, me, 'POST', url('/actors'), {
      kind: 'organization',
      name: 'River Fund Trust',
      description: 'Mentions the River Fund often',
    });
    await call(ctx.app, me, 'POST', url('/actors'), { kind: 'organization', name: 'River Fund', roles: ['bad_actor'], power: 4 });
    await call(ctx.app, me, 'POST', url('/actors'), { kind: 'person', name: 'Riverton Fundraiser', power: 1 });
    const ranked = await call(ctx.app, me, 'GET', url('/search?q=river%20fund'));
    expect(ranked.body.items[0].name).toBe('River Fund');
    const bad = await call(ctx.app, me, 'GET', url('/search?q=river&role=bad_actor'));
    expect(bad.body.items.map((a: { name: string }) => a.name)).toEqual(['River Fund']);
    const strong = await call(ctx.app, me, 'GET', url('/search?q=river&powerMin=3&kind=organization'));
    expect(strong.body.items.map((a: { name: string }) => a.name)).toEqual(['River Fund']);
    expect((await call(ctx.app, me, 'GET', url('/search?powerMin=9'))).status).toBe(400);
  });

  it('lists history and reverts a deletion', async () => {
    const a = await call(ctx.app, me, 'POST', url('/actors'), { kind: 'person', name: 'Temp Person' });
    const del = await call(ctx.app, me, 'DELETE', url(`/actors/${a.body.id}?version=1`));
    expect(del.status).toBe(204);
    expect((await call(ctx.app, me, 'GET', url(`/actors/${a.body.id}`))).status).toBe(404);
    const history = await call(ctx.app, me, 'GET', url('/history?limit=1'));
    expect(history.body.items[0]).toMatchObject({ action: 'delete', summary: 'Deleted Temp Person' });
    const revert = await call(ctx.app, me, 'POST', url(`/history/${history.body.items[0].id}/revert`));
    expect(revert.status).toBe(200);
    const back = await call(ctx.app, me, 'GET', url(`/actors/${a.body.id}`));
    expect(back.status).toBe(200);
    expect(back.body.version).toBe(2);
  });
});
