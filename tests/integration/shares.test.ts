/**
 * Sharing a map with a partner organisation, told as what each side sees: the offer, the
 * partner's owner accepting it, the partner reading the map without the owner's internal
 * fields, adding to it with edit access, and losing it the moment it is revoked.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestContext } from '../support/app.js';
import { call, newWorkspace, signUp, type Caller } from '../support/api.js';

const MARKERS = ['MARKER-CONTACT-OWNER-7f3a', 'MARKER-ACTOR-NOTES-91c2', 'MARKER-TIE-NOTES-5d8e'];

describe('sharing a map with a partner workspace', () => {
  let ctx: TestContext;
  const people = {} as Record<'olga' | 'omar' | 'rosa' | 'eli' | 'vic' | 'quinn', Caller>;
  let owner: string;
  let partner: string;
  let stranger: string;
  let mapId: string;
  const actors = {} as Record<'superintendent' | 'trustee' | 'union' | 'pastor' | 'donor', string>;
  let boardSeat: string;

  const api = (who: Caller, method: 'GET' | 'POST' | 'DELETE' | 'PATCH' | 'PUT', path: string, body?: unknown) =>
    call(ctx.app, who, method, path, body);
  const inOwner = (path: string) => `/api/workspaces/${owner}${path}`;
  const inPartner = (path: string) => `/api/workspaces/${partner}${path}`;
  const make = async (body: object) => (await api(people.olga, 'POST', inOwner('/actors'), body)).body.id as string;
  const tie = async (body: object) => {
    const res = await api(people.olga, 'POST', inOwner('/relationships'), body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  const offer = (mapToShare: string, access: 'read' | 'edit', to = partner, who = people.olga) =>
    api(who, 'POST', inOwner(`/maps/${mapToShare}/shares`), { partnerWorkspaceId: to, access });
  const newMap = async (name: string, ids: string[]) => {
    const map = (await api(people.olga, 'POST', inOwner('/maps'), { name })).body.id as string;
    await api(people.olga, 'POST', inOwner(`/maps/${map}/members`), { actorIds: ids });
    return map;
  };
  const accept = async (shareId: string) => {
    const res = await api(people.rosa, 'POST', inPartner(`/incoming-shares/${shareId}/accept`), {});
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    ctx = await testApp();
    for (const name of ['olga', 'omar', 'rosa', 'eli', 'vic', 'quinn'] as const)
      people[name] = await signUp(ctx.app, name[0]!.toUpperCase() + name.slice(1));
    owner = await newWorkspace(ctx.app, people.olga, 'Nurses United');
    partner = await newWorkspace(ctx.app, people.rosa, 'Local 1021');
    stranger = await newWorkspace(ctx.app, people.quinn, 'Tenants Union');
    await api(people.olga, 'POST', inOwner('/members'), { email: people.omar.email, role: 'editor' });
    await api(people.rosa, 'POST', inPartner('/members'), { email: people.eli.email, role: 'editor' });
    await api(people.rosa, 'POST', inPartner('/members'), { email: people.vic.email, role: 'viewer' });

    actors.superintendent = await make({
      kind: 'person',
      name: 'Superintendent Diaz',
      roles: ['decision_maker'],
      power: 5,
      alignment: -1,
      contactOwner: MARKERS[0],
    });
    actors.trustee = await make({ kind: 'person', name: 'Trustee Park', power: 3, alignment: 1 });
    actors.union = await make({ kind: 'organization', name: 'Nurses United Local', roles: ['base'], organized: true, alignment: 3 });
    actors.pastor = await make({ kind: 'person', name: 'Pastor Lim', alignment: 2 });
    actors.donor = await make({ kind: 'organization', name: 'Secret Donor LLC', alignment: -3 });
    boardSeat = await tie({ type: 'PROFESSIONAL', from: actors.trustee, to: actors.superintendent, strength: 4 });
    await tie({ type: 'MEMBERSHIP', from: actors.trustee, to: actors.union });
    // The only way from the pastor to the superintendent runs through an actor off the map.
    await tie({ type: 'DONATION', from: actors.donor, to: actors.superintendent });
    await tie({ type: 'INFLUENCE', from: actors.pastor, to: actors.donor });
    mapId = await newMap('Who decides on school nurses', [actors.superintendent, actors.trustee, actors.union, actors.pastor]);
    // privateNotes as the store holds them (the field the internal-fields setting adds).
    await ctx.db.write((tx) =>
      tx.query('MATCH (a:Actor {id: $id}) SET a.privateNotes = $notes', { id: actors.superintendent, notes: MARKERS[1] }),
    );
    await ctx.db.write((tx) =>
      tx.query('MATCH ()-[r:PROFESSIONAL {id: $id}]->() SET r.privateNotes = $notes', { id: boardSeat, notes: MARKERS[2] }),
    );
  });
  afterAll(() => ctx.close());

  it('lets only an owner offer a map, and refuses offers that make no sense', async () => {
    expect((await offer(mapId, 'read', partner, people.omar)).status).toBe(403);
    const self = await offer(mapId, 'read', owner);
    expect(self.status).toBe(400);
    expect(self.body.errors[0].path).toBe('body.partnerWorkspaceId');
    const unknown = await offer(mapId, 'read', randomUUID());
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toMatch(/No workspace has that id/);
    expect(
      (await api(people.olga, 'POST', inOwner(`/maps/${randomUUID()}/shares`), { partnerWorkspaceId: partner, access: 'read' })).status,
    ).toBe(404);
    expect(
      (await api(people.olga, 'POST', inOwner(`/maps/${mapId}/shares`), { partnerWorkspaceId: partner, access: 'admin' })).status,
    ).toBe(400);
  });

  it('offers the map, lists it for the owner’s members, and refuses a duplicate offer with the existing share', async () => {
    const first = await offer(mapId, 'read');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      mapId,
      access: 'read',
      status: 'pending',
      partnerWorkspace: { id: partner, name: 'Local 1021' },
      offeredBy: 'Olga',
    });
    const again = await offer(mapId, 'edit');
    expect(again.status).toBe(409);
    expect(again.body.current.id).toBe(first.body.id);
    const listed = await api(people.omar, 'GET', inOwner(`/maps/${mapId}/shares`));
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([first.body]);
    expect((await api(people.omar, 'GET', inOwner('/shares'))).body.items).toEqual([
      { ...first.body, mapName: 'Who decides on school nurses' },
    ]);
  });

  it('shows nothing to the partner before its owner accepts, and offers it only to that owner', async () => {
    const [pending] = (await api(people.olga, 'GET', inOwner(`/maps/${mapId}/shares`))).body.items;
    expect((await api(people.vic, 'GET', inPartner(`/shared-maps/${pending.id}`))).status).toBe(404);
    expect((await api(people.rosa, 'GET', inPartner(`/shared-maps/${pending.id}`))).status).toBe(404);
    expect((await api(people.rosa, 'GET', inPartner('/shared-maps'))).body.items).toEqual([]);
    expect((await api(people.eli, 'GET', inPartner('/incoming-shares'))).status).toBe(403);
    expect((await api(people.eli, 'POST', inPartner(`/incoming-shares/${pending.id}/accept`), {})).status).toBe(403);
    const incoming = await api(people.rosa, 'GET', inPartner('/incoming-shares'));
    expect(incoming.body.items).toEqual([
      expect.objectContaining({
        id: pending.id,
        status: 'pending',
        access: 'read',
        offeringWorkspace: { id: owner, name: 'Nurses United' },
        map: expect.objectContaining({ id: mapId, name: 'Who decides on school nurses', memberCount: 4 }),
      }),
    ]);
    // Another workspace's owner cannot accept an offer that was not made to them.
    expect((await api(people.quinn, 'POST', `/api/workspaces/${stranger}/incoming-shares/${pending.id}/accept`, {})).status).toBe(404);
    expect((await api(people.quinn, 'GET', `/api/workspaces/${stranger}/incoming-shares`)).body.items).toEqual([]);
  });

  it('lets every member of the partner read the accepted map, without internal fields or anything off the map', async () => {
    const [pending] = (await api(people.olga, 'GET', inOwner(`/maps/${mapId}/shares`))).body.items;
    expect(await accept(pending.id)).toMatchObject({ id: pending.id, status: 'accepted' });
    expect((await api(people.olga, 'GET', inOwner(`/maps/${mapId}/shares`))).body.items[0].status).toBe('accepted');

    const list = await api(people.vic, 'GET', inPartner('/shared-maps'));
    expect(list.body.items).toEqual([
      expect.objectContaining({ shareId: pending.id, access: 'read', ownerWorkspace: { id: owner, name: 'Nurses United' } }),
    ]);
    const res = await api(people.vic, 'GET', inPartner(`/shared-maps/${pending.id}`));
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('Who decides on school nurses');
    expect(res.body.actors.map((a: { name: string }) => a.name).sort()).toEqual([
      'Nurses United Local',
      'Pastor Lim',
      'Superintendent Diaz',
      'Trustee Park',
    ]);
    expect(res.body.relationships.map((r: { type: string }) => r.type).sort()).toEqual(['MEMBERSHIP', 'PROFESSIONAL']);
    expect(res.body.members).toHaveLength(4);
    const superintendent = res.body.actors.find((a: { id: string }) => a.id === actors.superintendent);
    expect(superintendent).toMatchObject({ power: 5, alignment: -1, roles: ['decision_maker'], addedByWorkspaceId: null });
    expect(superintendent).not.toHaveProperty('contactOwner');
    expect(res.body.relationships.find((r: { id: string }) => r.id === boardSeat)).toMatchObject({
      strength: 4,
      addedByWorkspaceId: null,
      addedByWorkspaceName: null,
    });
    const text = JSON.stringify(res.body);
    for (const marker of MARKERS) expect(text).not.toContain(marker);
    expect(text).not.toContain('privateNotes');
    expect(text).not.toContain('Secret Donor');
    expect(text).not.toContain(actors.donor);
    expect(text).not.toContain(people.olga.email);
  });

  it('lets the partner download the shared map as a file, with nothing the owner keeps to itself', async () => {
    const [current] = (await api(people.olga, 'GET', inOwner(`/maps/${mapId}/shares`))).body.items;
    // The owner also keeps the interests of the people it maps to itself.
    const setInternal = async (actor: string[]) => {
      const { version } = (await api(people.olga, 'GET', inOwner('/internal-fields'))).body;
      const res = await api(people.olga, 'PUT', inOwner('/internal-fields'), { actor, relationship: [], assessment: [], version });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    };
    await setInternal(['interests']);
    const { version } = (await api(people.olga, 'GET', inOwner(`/actors/${actors.trustee}`))).body;
    const marked = await api(people.olga, 'PATCH', inOwner(`/actors/${actors.trustee}`), { interests: ['MARKER-INTERESTS-22b1'], version });
    expect(marked.status, JSON.stringify(marked.body)).toBe(200);
    for (const format of ['graphml', 'gexf', 'cytoscape', 'actors-csv', 'relationships-csv', 'ftm']) {
      const res = await api(people.vic, 'GET', inPartner(`/shared-maps/${current.id}/export?format=${format}`));
      expect(res.status, format).toBe(200);
      expect(res.headers['content-disposition'], format).toMatch(
        /attachment; filename="who-decides-on-school-nurses-shared-by-nurses-united\./,
      );
      const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
      expect(text, format).toContain('Superintendent Diaz');
      expect(text, format).not.toContain('Secret Donor');
      for (const marker of [...MARKERS, 'MARKER-INTERESTS-22b1']) expect(text, `${format} ${marker}`).not.toContain(marker);
      expect(text, format).not.toMatch(/privateNotes|contactOwner|Private notes|Contact owner/);
    }
    const sheet = await api(people.vic, 'GET', inPartner(`/shared-maps/${current.id}/export?format=xlsx`));
    expect(sheet.status).toBe(200);
    expect(sheet.headers['content-type']).toContain('spreadsheetml');
    // A backup is the owner's to make, not a partner's.
    expect((await api(people.vic, 'GET', inPartner(`/shared-maps/${current.id}/export?format=backup`))).status).toBe(400);
    // The owner's own export still carries its internal fields, marked.
    const own = await api(people.olga, 'GET', inOwner(`/export?format=graphml&map=${mapId}`));
    expect(own.body).toContain('MARKER-INTERESTS-22b1');
    await setInternal([]);
  });

  it('answers analysis on the shared map from the map alone', async () => {
    const [share] = (await api(people.olga, 'GET', inOwner(`/maps/${mapId}/shares`))).body.items;
    const q = (question: string, query: string) =>
      api(people.vic, 'GET', inPartner(`/shared-maps/${share.id}/analysis/${question}?${query}`));

    const brokers = await q('brokers', '');
    expect(brokers.status).toBe(200);
    expect(brokers.body.actorCount).toBe(4);
    expect(brokers.body.items.map((i: { actorId: string }) => i.actorId)).not.toContain(actors.donor);

    const paths = await q('paths', `from=${actors.union}&to=${actors.superintendent}`);
    expect(paths.status).toBe(200);
    expect(paths.body.paths[0].actorIds).toEqual([actors.union, actors.trustee, actors.superintendent]);
    // In the owner's workspace the pastor reaches the superintendent through the donor; on the map, not at all.
    const blocked = await q('paths', `from=${actors.pastor}&to=${actors.superintendent}`);
    expect(blocked.status).toBe(200);
    expect(blocked.body.paths).toEqual([]);
    expect(JSON.stringify(blocked.body)).not.toContain(actors.donor);
    // An actor off the map reads exactly like one that does not exist.
    const off = await q('paths', `from=${actors.donor}&to=${actors.superintendent}`);
    const none = await q('paths', `from=${randomUUID()}&to=${actors.superintendent}`);
    expect(off.status).toBe(404);
    expect(none.status).toBe(404);
    expect(off.body.detail.replace(actors.donor, 'X')).toBe(none.body.detail.replace(/"[0-9a-f-]{36}"/, '"X"'));

    const leverage = await q('leverage', `target=${actors.superintendent}`);
    expect(leverage.status).toBe(200);
    expect(leverage.body.fromActorIds).toEqual([actors.union]);
    expect(leverage.body.routes[0].actorIds).toEqual([actors.union, actors.trustee, actors.superintendent]);
    expect((await q('leverage', `target=${actors.superintendent}&from=${actors.donor}`)).status).toBe(404);
    // The trustee ties the two by different kinds of tie; the donor, off the map, is no interlock.
    const interlocks = await q('interlocks', `actors=${actors.union},${actors.superintendent}`);
    expect(interlocks.body.mixed.map((i: { actorId: string }) => i.actorId)).toEqual([actors.trustee]);
    expect((await q('interlocks', `actors=${actors.pastor},${actors.superintendent}`)).body.mixed).toEqual([]);
    expect((await q('communities', '')).status).toBe(200);
    // A partner cannot widen the scope back to the workspace.
    expect((await q('brokers', `map=${randomUUID()}`)).body.actorCount).toBe(4);
  });

  it('does not let a partner with read access write, nor a viewer with edit access', async () => {
    const [share] = (await api(people.olga, 'GET', inOwner(`/maps/${mapId}/shares`))).body.items;
    const res = await api(people.eli, 'POST', inPartner(`/shared-maps/${share.id}/actors`), { kind: 'person', name: 'Should not land' });
    expect(res.status).toBe(403);
    expect(res.body.detail).toMatch(/to read/);
    const tieRes = await api(people.eli, 'POST', inPartner(`/shared-maps/${share.id}/relationships`), {
      type: 'SOCIAL',
      from: actors.trustee,
      to: actors.pastor,
    });
    expect(tieRes.status).toBe(403);
    const found = await api(people.olga, 'GET', inOwner('/search?q=Should not land'));
    expect(found.body.items).toEqual([]);
  });

  it('lands an edit partner’s actor and tie in the owner’s workspace, on the map, credited to the partner', async () => {
    const campaignMap = await newMap('Board vote', [actors.superintendent, actors.union]);
    const share = (await offer(campaignMap, 'edit')).body;
    await accept(share.id);
    expect(
      (await api(people.vic, 'POST', inPartner(`/shared-maps/${share.id}/actors`), { kind: 'person', name: 'Viewer Attempt' })).status,
    ).toBe(403);

    const added = await api(people.eli, 'POST', inPartner(`/shared-maps/${share.id}/actors`), {
      kind: 'person',
      name: 'Deacon Brown',
      alignment: 2,
      position: { x: 40, y: 80 },
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body).toMatchObject({ name: 'Deacon Brown', addedByWorkspaceId: partner, addedByWorkspaceName: 'Local 1021' });
    expect(
      (await api(people.eli, 'POST', inPartner(`/shared-maps/${share.id}/actors`), { kind: 'person', name: 'X', contactOwner: 'Eli' }))
        .status,
    ).toBe(400);

    const tieRes = await api(people.eli, 'POST', inPartner(`/shared-maps/${share.id}/relationships`), {
      type: 'SOCIAL',
      from: added.body.id,
      to: actors.superintendent,
      strength: 5,
      source: { url: 'https://example.org/church-bulletin', title: 'Church bulletin' },
    });
    expect(tieRes.status, JSON.stringify(tieRes.body)).toBe(201);
    expect(tieRes.body).toMatchObject({
      type: 'SOCIAL',
      mutual: true,
      strength: 5,
      addedByWorkspaceId: partner,
      addedByWorkspaceName: 'Local 1021',
    });
    expect(tieRes.body.sourceIds).toHaveLength(1);
    const offMap = await api(people.eli, 'POST', inPartner(`/shared-maps/${share.id}/relationships`), {
      type: 'SOCIAL',
      from: added.body.id,
      to: actors.pastor,
    });
    expect(offMap.status).toBe(400);
    expect(offMap.body.errors[0]).toEqual({ path: 'body.to', message: 'not an actor on this map' });
    expect(
      (
        await api(people.eli, 'POST', inPartner(`/shared-maps/${share.id}/relationships`), {
          type: 'SOCIAL',
          from: added.body.id,
          to: actors.superintendent,
          id: randomUUID(),
        })
      ).status,
    ).toBe(400);

    // The owner sees it all in their own workspace, and whose it is.
    const map = await api(people.olga, 'GET', inOwner(`/maps/${campaignMap}`));
    expect(map.body.actors.map((a: { name: string }) => a.name)).toContain('Deacon Brown');
    expect(map.body.members.find((m: { actorId: string }) => m.actorId === added.body.id)).toMatchObject({ x: 40, y: 80 });
    expect(map.body.relationships.map((r: { id: string }) => r.id)).toContain(tieRes.body.id);
    const history = await api(people.olga, 'GET', inOwner('/history?limit=2'));
    expect(history.body.items.map((c: { userName: string; summary: string }) => [c.userName, c.summary])).toEqual([
      ['Eli (Local 1021, via shared map)', 'Added a tie (SOCIAL) on map “Board vote”'],
      ['Eli (Local 1021, via shared map)', 'Added Deacon Brown to map “Board vote”'],
    ]);
    const shares = await api(people.olga, 'GET', inOwner(`/maps/${campaignMap}/shares`));
    expect(shares.body.contributions).toEqual(
      expect.arrayContaining([
        { entityType: 'actor', entityId: added.body.id, workspace: { id: partner, name: 'Local 1021' } },
        { entityType: 'relationship', entityId: tieRes.body.id, workspace: { id: partner, name: 'Local 1021' } },
      ]),
    );
    // The partner's reading of the map carries who added the tie, for colouring it.
    const seen = await api(people.vic, 'GET', inPartner(`/shared-maps/${share.id}`));
    expect(seen.body.relationships.find((r: { id: string }) => r.id === tieRes.body.id)).toMatchObject({
      addedByWorkspaceId: partner,
      addedByWorkspaceName: 'Local 1021',
    });
  });

  it('cuts the partner off the moment the owner revokes', async () => {
    const revocable = await newMap('Revocable', [actors.trustee, actors.union]);
    const share = (await offer(revocable, 'edit')).body;
    await accept(share.id);
    expect((await api(people.vic, 'GET', inPartner(`/shared-maps/${share.id}`))).status).toBe(200);
    expect((await api(people.rosa, 'DELETE', inOwner(`/maps/${revocable}/shares/${share.id}`))).status).toBe(404);
    expect((await api(people.omar, 'DELETE', inOwner(`/maps/${revocable}/shares/${share.id}`))).status).toBe(403);
    expect((await api(people.olga, 'DELETE', inOwner(`/maps/${revocable}/shares/${share.id}`))).status).toBe(204);
    expect((await api(people.vic, 'GET', inPartner(`/shared-maps/${share.id}`))).status).toBe(404);
    expect((await api(people.vic, 'GET', inPartner(`/shared-maps/${share.id}/analysis/brokers`))).status).toBe(404);
    expect((await api(people.eli, 'POST', inPartner(`/shared-maps/${share.id}/actors`), { kind: 'person', name: 'Too late' })).status).toBe(
      404,
    );
    expect((await api(people.rosa, 'GET', inPartner('/shared-maps'))).body.items.map((s: { shareId: string }) => s.shareId)).not.toContain(
      share.id,
    );
    expect((await api(people.olga, 'DELETE', inOwner(`/maps/${revocable}/shares/${share.id}`))).status).toBe(404);
  });

  it('lets the partner’s owner decline an offer, or stop receiving one accepted before', async () => {
    const declined = await newMap('Declined', [actors.trustee]);
    const share = (await offer(declined, 'read')).body;
    expect((await api(people.rosa, 'POST', inPartner(`/incoming-shares/${share.id}/decline`), {})).body.status).toBe('declined');
    expect((await api(people.rosa, 'GET', inPartner('/incoming-shares'))).body.items.map((s: { id: string }) => s.id)).not.toContain(
      share.id,
    );
    expect((await api(people.rosa, 'POST', inPartner(`/incoming-shares/${share.id}/accept`), {})).status).toBe(404);
    expect((await api(people.vic, 'GET', inPartner(`/shared-maps/${share.id}`))).status).toBe(404);
    expect((await api(people.olga, 'GET', inOwner(`/maps/${declined}/shares`))).body.items[0].status).toBe('declined');
  });

  it('answers 404 to a workspace the map was never offered to, exactly as for an unknown share', async () => {
    const [share] = (await api(people.olga, 'GET', inOwner(`/maps/${mapId}/shares`))).body.items;
    const theirs = await api(people.quinn, 'GET', `/api/workspaces/${stranger}/shared-maps/${share.id}`);
    const unknown = await api(people.quinn, 'GET', `/api/workspaces/${stranger}/shared-maps/${randomUUID()}`);
    expect(theirs.status).toBe(404);
    expect(theirs.body).toEqual(unknown.body);
    expect((await api(people.quinn, 'GET', `/api/workspaces/${stranger}/shared-maps/${share.id}/analysis/brokers`)).status).toBe(404);
    // Nor can the offering workspace read its own map as if it were a partner.
    expect((await api(people.olga, 'GET', inOwner(`/shared-maps/${share.id}`))).status).toBe(404);
    // Outside the partner workspace, its shared maps are not there at all.
    expect((await api(people.quinn, 'GET', inPartner(`/shared-maps/${share.id}`))).body.detail).toBe('Workspace was not found.');
  });

  it('takes a shared map away when the owner deletes the map', async () => {
    const doomed = await newMap('Doomed', [actors.trustee]);
    const share = (await offer(doomed, 'read')).body;
    await accept(share.id);
    const version = (await api(people.olga, 'GET', inOwner(`/maps/${doomed}`))).body.version;
    expect((await api(people.olga, 'DELETE', inOwner(`/maps/${doomed}?version=${version}`))).status).toBe(204);
    expect((await api(people.vic, 'GET', inPartner(`/shared-maps/${share.id}`))).status).toBe(404);
    expect((await api(people.rosa, 'GET', inPartner('/incoming-shares'))).body.items.map((s: { id: string }) => s.id)).not.toContain(
      share.id,
    );
  });
});
