/**
 * "Which of our partners can reach the superintendent?": ties to the target across every
 * map shared with us or by us, matched by actor id or by a shared external id, grouped by
 * the organisation each tie came from, and nothing from maps nobody shared.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestContext } from '../support/app.js';
import { call, newWorkspace, signUp, type Caller } from '../support/api.js';

const MARKER = 'MARKER-CONTACT-OWNER-c0a1';

describe('the coalition’s combined reach', () => {
  let ctx: TestContext;
  const people = {} as Record<'ana' | 'ben' | 'cat' | 'dee', Caller>;
  const ws = {} as Record<'us' | 'faith' | 'tenants' | 'pending', string>;
  type Name =
    | 'superintendent'
    | 'trustee'
    | 'ally'
    | 'ourMap'
    | 'theirSuper'
    | 'pastor'
    | 'bishop'
    | 'lookalike'
    | 'deacon'
    | 'pastorTie'
    | 'faithMap'
    | 'tenantLeader'
    | 'parent'
    | 'theirSuper2';
  const ids = {} as Record<Name, string>;

  const api = (who: Caller, method: 'GET' | 'POST', path: string, body?: unknown) => call(ctx.app, who, method, path, body);
  const actor = async (who: Caller, w: string, body: object) =>
    (await api(who, 'POST', `/api/workspaces/${w}/actors`, body)).body.id as string;
  const tie = async (who: Caller, w: string, body: object) => {
    const res = await api(who, 'POST', `/api/workspaces/${w}/relationships`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  const map = async (who: Caller, w: string, name: string, actorIds: string[]) => {
    const id = (await api(who, 'POST', `/api/workspaces/${w}/maps`, { name, members: actorIds.map((actorId) => ({ actorId })) })).body
      .id as string;
    return id;
  };
  const share = async (who: Caller, from: string, mapId: string, to: string, access: 'read' | 'edit', accepter?: Caller) => {
    const offered = await api(who, 'POST', `/api/workspaces/${from}/maps/${mapId}/shares`, { partnerWorkspaceId: to, access });
    expect(offered.status).toBe(201);
    if (accepter)
      expect((await api(accepter, 'POST', `/api/workspaces/${to}/incoming-shares/${offered.body.id}/accept`, {})).status).toBe(200);
    return offered.body.id as string;
  };
  const reach = (who: Caller, w: string, target: string) => api(who, 'GET', `/api/workspaces/${w}/coalition/reach?target=${target}`);

  beforeAll(async () => {
    ctx = await testApp();
    for (const name of ['ana', 'ben', 'cat', 'dee'] as const) people[name] = await signUp(ctx.app, name[0]!.toUpperCase() + name.slice(1));
    ws.us = await newWorkspace(ctx.app, people.ana, 'Nurses United');
    ws.faith = await newWorkspace(ctx.app, people.ben, 'Faith Coalition');
    ws.tenants = await newWorkspace(ctx.app, people.cat, 'Tenants Union');
    ws.pending = await newWorkspace(ctx.app, people.dee, 'Parents Group');

    // Ours: the superintendent, a trustee who knows her (on a map we share), and a secret ally (on no shared map).
    ids.superintendent = await actor(people.ana, ws.us, {
      kind: 'person',
      name: 'Superintendent Diaz',
      roles: ['decision_maker'],
      externalIds: { wikidata: 'Q999001' },
    });
    ids.trustee = await actor(people.ana, ws.us, { kind: 'person', name: 'Trustee Park' });
    ids.ally = await actor(people.ana, ws.us, { kind: 'person', name: 'Quiet Ally' });
    await tie(people.ana, ws.us, { type: 'PROFESSIONAL', from: ids.trustee, to: ids.superintendent, strength: 3 });
    await tie(people.ana, ws.us, { type: 'SOCIAL', from: ids.ally, to: ids.superintendent, strength: 5 });
    ids.ourMap = await map(people.ana, ws.us, 'School board', [ids.superintendent, ids.trustee]);
    await map(people.ana, ws.us, 'Private', [ids.superintendent, ids.ally]);
    const ourShare = await share(people.ana, ws.us, ids.ourMap, ws.tenants, 'edit', people.cat);

    // The faith coalition keeps its own record of her, with the same wikidata id.
    ids.theirSuper = await actor(people.ben, ws.faith, {
      kind: 'person',
      name: 'Supt. Maria Diaz',
      externalIds: { wikidata: 'Q999001', littlesis: '4242' },
    });
    ids.pastor = await actor(people.ben, ws.faith, { kind: 'person', name: 'Pastor Lim', contactOwner: MARKER });
    ids.bishop = await actor(people.ben, ws.faith, { kind: 'person', name: 'Bishop Ruiz' });
    ids.lookalike = await actor(people.ben, ws.faith, { kind: 'person', name: 'Not Her', externalIds: { wikidata: 'Q9990012' } });
    ids.deacon = await actor(people.ben, ws.faith, { kind: 'person', name: 'Deacon Wu' });
    ids.pastorTie = await tie(people.ben, ws.faith, { type: 'SOCIAL', from: ids.pastor, to: ids.theirSuper, strength: 5 });
    await tie(people.ben, ws.faith, { type: 'SOCIAL', from: ids.bishop, to: ids.theirSuper, strength: 4 });
    await tie(people.ben, ws.faith, { type: 'SOCIAL', from: ids.deacon, to: ids.lookalike, strength: 4 });
    ids.faithMap = await map(people.ben, ws.faith, 'Faith leaders', [ids.theirSuper, ids.pastor, ids.lookalike, ids.deacon]);
    await map(people.ben, ws.faith, 'Bishop (not shared)', [ids.theirSuper, ids.bishop]);
    await share(people.ben, ws.faith, ids.faithMap, ws.us, 'read', people.ana);

    // The tenants union adds what it knows to our shared map.
    ids.tenantLeader = (
      await api(people.cat, 'POST', `/api/workspaces/${ws.tenants}/shared-maps/${ourShare}/actors`, {
        kind: 'person',
        name: 'Tenant leader Okafor',
      })
    ).body.id;
    const added = await api(people.cat, 'POST', `/api/workspaces/${ws.tenants}/shared-maps/${ourShare}/relationships`, {
      type: 'FAMILY',
      from: ids.tenantLeader,
      to: ids.superintendent,
      strength: 4,
    });
    expect(added.status).toBe(201);

    // An offer nobody accepted counts for nothing.
    ids.parent = await actor(people.dee, ws.pending, { kind: 'person', name: 'Parent Rep', externalIds: {} });
    ids.theirSuper2 = await actor(people.dee, ws.pending, { kind: 'person', name: 'Diaz', externalIds: { wikidata: 'Q999001' } });
    await tie(people.dee, ws.pending, { type: 'SOCIAL', from: ids.parent, to: ids.theirSuper2 });
    const pendingMap = await map(people.dee, ws.pending, 'Parents', [ids.parent, ids.theirSuper2]);
    await share(people.dee, ws.pending, pendingMap, ws.us, 'read');
  });
  afterAll(() => ctx.close());

  it('finds who can reach our target through each partner, strongest first, matched by id or external id', async () => {
    const res = await reach(people.ana, ws.us, ids.superintendent);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.target).toMatchObject({
      id: ids.superintendent,
      name: 'Superintendent Diaz',
      workspace: { id: ws.us, name: 'Nurses United' },
    });
    const summary = res.body.partners.map(
      (p: {
        workspace: { name: string; isUs: boolean };
        ties: { actorId: string; type: string; strength: number; matchedBy: string }[];
      }) => ({
        via: p.workspace.name,
        isUs: p.workspace.isUs,
        ties: p.ties.map((t) => [res.body.actors.find((a: { id: string }) => a.id === t.actorId).name, t.type, t.strength, t.matchedBy]),
      }),
    );
    expect(summary).toEqual([
      { via: 'Faith Coalition', isUs: false, ties: [['Pastor Lim', 'SOCIAL', 5, 'wikidata:Q999001']] },
      { via: 'Tenants Union', isUs: false, ties: [['Tenant leader Okafor', 'FAMILY', 4, 'id']] },
      { via: 'Nurses United', isUs: true, ties: [['Trustee Park', 'PROFESSIONAL', 3, 'id']] },
    ]);
    expect(res.body.partners[0].ties[0]).toMatchObject({
      relationshipId: ids.pastorTie,
      direction: 'to-target',
      targetActorId: ids.theirSuper,
      mapId: ids.faithMap,
    });
    expect(res.body.maps.map((m: { name: string; shared: string }) => [m.name, m.shared]).sort()).toEqual([
      ['Faith leaders', 'with-us'],
      ['School board', 'by-us'],
    ]);
  });

  it('reads nothing from maps that were not shared, offers not accepted, or internal fields', async () => {
    const text = JSON.stringify((await reach(people.ana, ws.us, ids.superintendent)).body);
    for (const hidden of ['Bishop Ruiz', 'Quiet Ally', 'Parent Rep', 'Deacon Wu', 'Not Her', MARKER, 'contactOwner'])
      expect(text).not.toContain(hidden);
  });

  it('takes a target from a map shared with us, and answers only from the asker’s side of each share', async () => {
    const theirs = await reach(people.ana, ws.us, ids.theirSuper);
    expect(theirs.status).toBe(200);
    expect(theirs.body.target.workspace).toEqual({ id: ws.faith, name: 'Faith Coalition' });
    expect(theirs.body.partners.map((p: { workspace: { name: string } }) => p.workspace.name)).toEqual([
      'Faith Coalition',
      'Tenants Union',
      'Nurses United',
    ]);
    expect(theirs.body.partners[2].ties[0].matchedBy).toBe('wikidata:Q999001');

    // The faith coalition shares with us but we share nothing with it: it sees only its own map.
    const fromFaith = await reach(people.ben, ws.faith, ids.theirSuper);
    expect(
      fromFaith.body.partners.map((p: { workspace: { name: string; isUs: boolean } }) => [p.workspace.name, p.workspace.isUs]),
    ).toEqual([['Faith Coalition', true]]);
    expect(JSON.stringify(fromFaith.body)).not.toContain('Trustee Park');
    expect((await reach(people.ben, ws.faith, ids.superintendent)).status).toBe(404);
  });

  it('answers 404 for a target that is not ours nor on a map shared with us', async () => {
    expect((await reach(people.ana, ws.us, randomUUID())).status).toBe(404);
    expect((await reach(people.ana, ws.us, ids.bishop)).status).toBe(404);
    expect((await reach(people.ana, ws.us, ids.theirSuper2)).status).toBe(404);
    expect((await reach(people.cat, ws.us, ids.superintendent)).status).toBe(404);
    expect((await api(people.ana, 'GET', `/api/workspaces/${ws.us}/coalition/reach?target=nope`)).status).toBe(400);
  });

  it('stops listing at the limit and says so', async () => {
    const res = await reach(people.ana, ws.us, `${ids.superintendent}&limit=1`);
    expect(res.body.partners.flatMap((p: { ties: unknown[] }) => p.ties)).toHaveLength(1);
    expect(res.body.truncated).toBe(true);
    expect(res.body.note).toMatch(/more were found than listed/);
  });
});
