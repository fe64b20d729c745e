/**
 * A backup holds everything a workspace is, and restores as it was: into a new workspace
 * with the same records, and into one where its ids are taken with fresh ids that every
 * reference follows.
 */
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBackup, restoreBackup, type BackupDocument as Backup } from '../../server/services/backup.js';
import { testApp, type TestContext } from '../support/app.js';
import { call, newWorkspace, signUp, type Caller } from '../support/api.js';
import { importFile } from '../support/imports.js';

const SLOW = 120_000;

/** What a backup holds besides when it was made and its history (which the restore extends). */
function contents(b: Backup) {
  const { exportedAt: _e, history: _h, ...rest } = b;
  return rest;
}

describe('backup and restore', () => {
  let ctx: TestContext;
  let me: Caller;
  let ws: string;
  let backup: Backup;
  const api = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, body?: unknown) =>
    call(ctx.app, me, method, `/api/workspaces/${ws}${path}`, body);

  beforeAll(async () => {
    ctx = await testApp();
    me = await signUp(ctx.app, 'Archivist');
    ws = await newWorkspace(ctx.app, me, 'Hospital campaign');
    const ana = (
      await api('POST', '/actors', {
        kind: 'person',
        name: 'Ana Rivera',
        aliases: ['A. Rivera'],
        tags: ['city'],
        roles: ['decision_maker'],
        power: 5,
        alignment: 0,
        externalIds: { wikidata: 'Q1' },
        links: ['https://example.org/ana'],
        privateNotes: 'met at the gala',
        contactOwner: 'Sam',
      })
    ).body;
    const meridian = (
      await api('POST', '/actors', { kind: 'organization', name: 'Meridian Health', sector: 'corporate', power: 4, alignment: -2 })
    ).body;
    const union = (await api('POST', '/actors', { kind: 'organization', name: 'Nurses Local 12', roles: ['base'], organized: true })).body;
    const lee = (await api('POST', '/actors', { kind: 'person', name: 'Dr. Lee' })).body;
    const source = (await api('POST', '/sources', { url: 'https://news.example.org/board', title: 'Board list', publisher: 'Daily' })).body;
    expect(
      (
        await api('POST', '/relationships', {
          type: 'POSITION',
          from: lee.id,
          to: meridian.id,
          board: true,
          title: 'Trustee',
          sourceIds: [source.id],
          startDate: '2020-01-01',
        })
      ).status,
    ).toBe(201);
    const donation = (
      await api('POST', '/relationships', {
        type: 'DONATION',
        from: meridian.id,
        to: ana.id,
        amount: 5000,
        currency: 'USD',
        privateNotes: 'check filing',
      })
    ).body;
    expect((await api('POST', '/relationships', { type: 'SOCIAL', from: ana.id, to: lee.id })).status).toBe(201);
    expect((await api('POST', '/relationships', { type: 'ALLIANCE', from: union.id, to: meridian.id })).body.mutual).toBe(true);
    expect(
      (
        await api('POST', `/actors/${ana.id}/assessments`, {
          power: 4,
          alignment: -1,
          note: 'before the hearing',
          at: '2025-01-10T10:00:00Z',
        })
      ).status,
    ).toBe(201);
    expect(
      (await api('POST', `/actors/${ana.id}/assessments`, { power: 5, alignment: 1, note: 'after', at: '2025-03-01T10:00:00Z' })).status,
    ).toBe(201);
    expect(
      (
        await api('POST', '/demands', {
          title: 'Safe staffing',
          status: 'presented',
          primaryTargetIds: [ana.id],
          secondaryTargetIds: [meridian.id],
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await api('POST', '/maps', {
          name: 'Who moves the mayor',
          defaultView: 'grid',
          members: [
            { actorId: ana.id, x: 10, y: -20, style: { color: '#ff0000', size: 2 } },
            { actorId: meridian.id, x: 100, y: 50 },
            { actorId: lee.id },
          ],
          annotations: [
            { id: crypto.randomUUID(), title: 'The money', text: 'Follow it', actorIds: [meridian.id], relationshipIds: [donation.id] },
          ],
        })
      ).status,
    ).toBe(201);
    expect((await api('PUT', '/internal-fields', { actor: ['power'], relationship: ['amount'], assessment: [] })).status).toBe(200);
    const res = await api('GET', '/export?format=backup');
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain('hospital-campaign.backup.json');
    backup = res.body;
  }, SLOW);
  afterAll(() => ctx.close());

  it('holds every kind of record, the readings, the map layout and story, and the history', () => {
    expect(backup).toMatchObject({ format: 'powermap-backup', version: 1, workspace: { name: 'Hospital campaign' } });
    expect(backup.actors).toHaveLength(4);
    expect(backup.relationships).toHaveLength(4);
    expect(backup.sources).toHaveLength(1);
    expect(backup.demands[0]).toMatchObject({ title: 'Safe staffing', primaryTargetIds: [expect.any(String)] });
    // The two readings given, then the two that creating Ana and Meridian with power recorded.
    expect(backup.assessments.map((a) => a.note)).toEqual(['before the hearing', 'after', '', '']);
    expect(backup.maps[0]!.members.find((m) => m.x === 10)).toMatchObject({ y: -20, style: { color: '#ff0000', size: 2 } });
    expect(backup.maps[0]!.annotations[0]).toMatchObject({ title: 'The money' });
    expect(backup.internalFields).toEqual({ actor: ['power'], relationship: ['amount'], assessment: [] });
    expect(backup.actors.find((a) => a.name === 'Ana Rivera')).toMatchObject({
      privateNotes: 'met at the gala',
      externalIds: { wikidata: 'Q1' },
    });
    expect(backup.history!.length).toBeGreaterThanOrEqual(12);
  });

  it(
    'restores into a new workspace the caller owns, the same in every record, with its history',
    async () => {
      const restored = await call(ctx.app, me, 'POST', '/api/workspaces/restore', backup);
      expect(restored.status, JSON.stringify(restored.body)).toBe(201);
      expect(restored.body).toMatchObject({
        counts: { actors: 4, relationships: 4, sources: 1, demands: 1, assessments: 4, maps: 1 },
        renamed: 0,
        historyRestored: true,
      });
      const copy = restored.body.workspaceId as string;
      expect(copy).not.toBe(ws);
      const mine = (await call(ctx.app, me, 'GET', '/api/workspaces')).body.items;
      expect(mine.find((w: { id: string }) => w.id === copy)).toMatchObject({ name: 'Hospital campaign', role: 'owner' });

      const again: Backup = (await call(ctx.app, me, 'GET', `/api/workspaces/${copy}/export?format=backup`)).body;
      expect(contents(again)).toEqual(contents(backup));
      // The history as it was, then the restore itself.
      expect(again.history!.map((c) => c.summary)).toEqual([
        ...backup.history!.map((c) => c.summary),
        expect.stringMatching(/^Restored a backup of “Hospital campaign”/),
      ]);
      expect(again.history!.map((c) => c.seq)).toEqual(again.history!.map((_, i) => i + 1));

      // The restored map opens with its layout, and the restored actor's readings are there.
      const ana = again.actors.find((a) => a.name === 'Ana Rivera')!;
      const readings = (await call(ctx.app, me, 'GET', `/api/workspaces/${copy}/actors/${ana.id}/assessments`)).body.items;
      // The two readings restored, and the one creating Ana with power recorded.
      expect(readings.map((r: { power: number }) => r.power)).toEqual([4, 5, 5]);
      const map = (await call(ctx.app, me, 'GET', `/api/workspaces/${copy}/maps/${again.maps[0]!.id}`)).body;
      expect(map.actors).toHaveLength(3);
    },
    SLOW,
  );

  it(
    'restores into a workspace where its ids are taken with fresh ones, every reference following',
    async () => {
      const result = await restoreBackup(ctx.db, ws, parseBackup(JSON.parse(JSON.stringify(backup))), { id: me.userId, name: me.name });
      // The one source is already here by URL, so the ties cite it rather than a copy.
      expect(result).toMatchObject({
        counts: { actors: 4, relationships: 4, sources: 0, demands: 1, assessments: 4, maps: 1 },
        sourcesMatched: 1,
      });
      expect(result.renamed).toBe(4 + 4 + 1 + 4 + 1);
      const now: Backup = (await api('GET', '/export?format=backup&history=false')).body;
      expect(now.history).toBeNull();
      expect(now.actors).toHaveLength(8);
      expect(now.sources).toHaveLength(1);
      const ids = new Set(now.actors.map((a) => a.id));
      const rels = new Set(now.relationships.map((r) => r.id));
      for (const map of now.maps) {
        expect(map.members.every((m) => ids.has(m.actorId))).toBe(true);
        expect(map.annotations.every((n) => n.relationshipIds.every((r) => rels.has(r)))).toBe(true);
      }
      expect(now.maps.map((m) => m.members.length)).toEqual([3, 3]);
      expect(new Set(now.maps.flatMap((m) => m.members.map((x) => x.actorId))).size).toBe(6);
      expect(now.relationships.every((r) => r.sourceIds.every((s) => s === now.sources[0]!.id))).toBe(true);
      expect(now.demands.map((d) => d.primaryTargetIds[0]).filter((id) => ids.has(id!))).toHaveLength(2);
    },
    SLOW,
  );

  it(
    'refuses a backup with a broken reference or of another version, naming it, and creates nothing',
    async () => {
      const before = (await call(ctx.app, me, 'GET', '/api/workspaces')).body.items.length;
      const broken = JSON.parse(JSON.stringify(backup)) as Backup;
      broken.maps[0]!.members.push({ actorId: crypto.randomUUID(), x: null, y: null, style: {} });
      const bad = await call(ctx.app, me, 'POST', '/api/workspaces/restore', broken);
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].path).toBe('body.maps.0.members.3.actorId');
      const future = await call(ctx.app, me, 'POST', '/api/workspaces/restore', { ...backup, version: 2 });
      expect(future.status).toBe(400);
      expect(future.body.detail).toMatch(/version 1/);
      const notOne = await call(ctx.app, me, 'POST', '/api/workspaces/restore', { hello: 'world' });
      expect(notOne.status).toBe(400);
      expect((await call(ctx.app, me, 'GET', '/api/workspaces')).body.items.length).toBe(before);
      expect((await call(ctx.app, null, 'POST', '/api/workspaces/restore', backup)).status).toBe(401);
    },
    SLOW,
  );
  it(
    'reads the body as it arrives: one sent in pieces without a length restores, one that is not JSON is refused saying where, and nothing is created',
    async () => {
      const send = (payload: string | Readable) =>
        ctx.app.inject({
          method: 'POST',
          url: '/api/workspaces/restore?history=false',
          headers: { cookie: me.cookie, 'content-type': 'application/json' },
          payload,
        });
      const text = JSON.stringify(backup);
      // A stream has no Content-Length: the body arrives in pieces of 1 KB.
      const pieces = Readable.from(text.match(/[\s\S]{1,1024}/g)!.map((piece) => Buffer.from(piece)));
      const streamed = await send(pieces);
      expect(streamed.statusCode, streamed.body).toBe(201);
      expect(streamed.json()).toMatchObject({ counts: { actors: 4, relationships: 4, maps: 1, changes: 0 }, historyRestored: false });

      const before = (await call(ctx.app, me, 'GET', '/api/workspaces')).body.items.length;
      const cut = await send(text.slice(0, 2_000));
      expect(cut.statusCode).toBe(400);
      expect(cut.json()).toMatchObject({
        detail: expect.stringMatching(/not JSON \(it ends before the document does\)/),
        errors: [{ path: 'body' }],
      });
      const broken = await send(`${text.slice(0, 500)}}}${text.slice(500)}`);
      expect(broken.statusCode).toBe(400);
      expect(broken.json().detail).toMatch(/not JSON \(unexpected "}" at position 50[01]\)/);
      const twice = await send(`${text}${text}`);
      expect(twice.statusCode).toBe(400);
      expect(twice.json().detail).toMatch(/more follows the end of the document/);
      const poisoned = await send(text.replace('"workspace":{', '"workspace":{"__proto__":{"admin":true},'));
      expect(poisoned.statusCode).toBe(400);
      expect(poisoned.json()).toMatchObject({ detail: expect.stringMatching(/"__proto__" key/), errors: [{ path: 'body' }] });
      const list = await send('[1, 2]');
      expect(list.statusCode).toBe(400);
      expect(list.json().detail).toMatch(/a JSON list, not an object/);
      const empty = await send('  ');
      expect(empty.statusCode).toBe(400);
      expect(empty.json().errors).toEqual([{ path: 'body', message: 'is empty' }]);
      const notAList = await send(JSON.stringify({ ...backup, actors: 'everyone' }));
      expect(notAList.statusCode).toBe(400);
      expect(notAList.json().errors[0].path).toBe('body.actors');
      const badActor = await send(JSON.stringify({ ...backup, actors: [...backup.actors, { ...backup.actors[0], kind: 'robot' }] }));
      expect(badActor.statusCode).toBe(400);
      expect(badActor.json().errors[0].path).toBe('body.actors.4.kind');
      expect((await call(ctx.app, me, 'GET', '/api/workspaces')).body.items.length).toBe(before);
    },
    SLOW,
  );
  it(
    'restores as an import job into an empty workspace: a dry run counts and writes nothing, a non-JSON file is refused',
    async () => {
      const target = await newWorkspace(ctx.app, me, 'Restored by import');
      const file = { name: 'hospital.backup.json', content: JSON.stringify(backup) };
      const dry = await importFile(ctx.app, me, target, { format: 'backup', dryRun: 'true' }, file);
      expect(dry).toMatchObject({ state: 'done', counts: { actorsCreated: 4, relationshipsCreated: 4, sourcesCreated: 1 } });
      expect((await call(ctx.app, me, 'GET', `/api/workspaces/${target}/actors`)).body.items).toHaveLength(0);

      const done = await importFile(ctx.app, me, target, { format: 'backup' }, file);
      expect(done).toMatchObject({ state: 'done', counts: { actorsCreated: 4, relationshipsCreated: 4, sourcesCreated: 1 } });
      const now: Backup = (await call(ctx.app, me, 'GET', `/api/workspaces/${target}/export?format=backup&history=false`)).body;
      expect(now.actors.map((a) => a.name).sort()).toEqual(backup.actors.map((a) => a.name).sort());
      expect(now.maps[0]).toMatchObject({ name: 'Who moves the mayor' });

      const junk = await importFile(ctx.app, me, target, { format: 'backup' }, { name: 'x.json', content: 'name,kind\nAna,person\n' });
      expect(junk).toMatchObject({ state: 'failed', failure: expect.stringMatching(/not a powermap backup/) });
    },
    SLOW,
  );
});
