import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestContext } from '../support/app.js';
import { call, newWorkspace, signUp, type Caller } from '../support/api.js';

const elements = `Label,Type,Description,Tags,Power,Alignment,Roles
Mayor Ana Rivera,Person,"Runs the city, and the budget",city|budget,5,0,decision maker
Meridian Health,Organization,Hospital chain,corporate,4,-2,bad actor
Nurses Union Local 12,Organization,Our members,,2,3,base
Dr. Lee,Person,Trustee,,,,
`;
const connections = `From,To,Type,Strength,Description
Dr. Lee,Meridian Health,Board member,4,Sits on the board
Meridian Health,Mayor Ana Rivera,Campaign donation,,2024 cycle
Nurses Union Local 12,Dr. Lee,knows,,
Mayor Ana Rivera,City Council,Chairs,,
`;

describe('importing a spreadsheet', () => {
  let ctx: TestContext;
  let me: Caller;
  let ws: string;
  const url = (path: string) => `/api/workspaces/${ws}${path}`;

  beforeAll(async () => {
    ctx = await testApp();
    me = await signUp(ctx.app, 'Importer');
    ws = await newWorkspace(ctx.app, me, 'Import');
    await call(ctx.app, me, 'POST', url('/actors'), { kind: 'organization', name: 'City Council' });
  });
  afterAll(() => ctx.close());

  it('checks a dry run without saving, then imports as one change, reusing names already there', async () => {
    const dry = await call(ctx.app, me, 'POST', url('/import/kumu'), { elements, connections, dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, actorsCreated: 4, relationshipsCreated: 4, changeId: null });
    expect((await call(ctx.app, me, 'GET', url('/actors'))).body.items).toHaveLength(1);

    const done = await call(ctx.app, me, 'POST', url('/import/kumu'), { elements, connections });
    expect(done.body).toMatchObject({ dryRun: false, actorsCreated: 4, relationshipsCreated: 4 });
    const actors = (await call(ctx.app, me, 'GET', url('/actors'))).body.items;
    expect(actors.map((a: { name: string }) => a.name)).toHaveLength(5);
    const mayor = actors.find((a: { name: string }) => a.name === 'Mayor Ana Rivera');
    expect(mayor).toMatchObject({ kind: 'person', power: 5, alignment: 0, roles: ['decision_maker'], tags: ['city', 'budget'] });
    const ties = (await call(ctx.app, me, 'GET', url('/relationships'))).body.items;
    const types = ties.map((t: { type: string }) => t.type).sort();
    // "knows" fits SOCIAL only between two people, so from a union it stays a labelled generic tie.
    expect(types).toEqual(['DONATION', 'GENERIC', 'POSITION', 'POSITION']);
    expect(ties.find((t: { type: string; board?: boolean }) => t.type === 'POSITION' && t.board)).toMatchObject({ strength: 4 });
    expect(ties.find((t: { type: string; executive?: boolean }) => t.type === 'POSITION' && t.executive)).toMatchObject({
      to: expect.any(String),
    });
    expect(ties.find((t: { type: string }) => t.type === 'GENERIC')).toMatchObject({ label: 'knows' });

    const again = await call(ctx.app, me, 'POST', url('/import/kumu'), { elements, connections: '' });
    expect(again.body.matched).toHaveLength(4);
    expect(again.body.actorsCreated).toBe(0);

    const history = (await call(ctx.app, me, 'GET', url('/history?limit=2'))).body.items;
    // The second import changed nothing, so it left no change behind.
    expect(history[0].summary).toBe('Imported 4 actors and 4 relationships from a spreadsheet');
  });

  it('reports every bad row by sheet and row, and imports nothing', async () => {
    const bad = await call(ctx.app, me, 'POST', url('/import/kumu'), {
      elements: 'Label,Type,Power\nGood Person,Person,3\n,Person,\nToo Powerful,Person,9\n',
      connections: 'From,To,Type\nGood Person,Nobody,knows\n',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'body.elements.row 3',
      'body.elements.row 4.Power',
      'body.connections.row 2.To',
    ]);
    expect(bad.body.detail).toMatch(/Nothing was imported/);
    const names = (await call(ctx.app, me, 'GET', url('/actors'))).body.items.map((a: { name: string }) => a.name);
    expect(names).not.toContain('Good Person');
  });
});
