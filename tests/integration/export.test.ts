import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../server/io/csv-parse.js';
import { testApp, type TestContext } from '../support/app.js';
import { call, newWorkspace, signUp, type Caller } from '../support/api.js';

/** Counts nodes and edges the way another program would: by parsing the XML. */
function countWithPython(xmlText: string): { nodes: number; edges: number } {
  const script = `
import sys, xml.etree.ElementTree as ET
root = ET.fromstring(sys.stdin.read())
tags = [el.tag.split('}')[-1] for el in root.iter()]
print(tags.count('node'), tags.count('edge'))`;
  const [nodes, edges] = execFileSync('python3', ['-c', script], { input: xmlText }).toString().trim().split(' ').map(Number);
  return { nodes: nodes!, edges: edges! };
}

describe('exports for other tools', () => {
  let ctx: TestContext;
  let me: Caller;
  let ws: string;
  const url = (path: string) => `/api/workspaces/${ws}${path}`;

  beforeAll(async () => {
    ctx = await testApp();
    me = await signUp(ctx.app, 'Exporter');
    ws = await newWorkspace(ctx.app, me, 'Export & <check>');
    const a = (
      await call(ctx.app, me, 'POST', url('/actors'), { kind: 'person', name: 'Ann "The Fixer" <O\'Neil>', tags: ['donor', 'board'] })
    ).body;
    const b = (await call(ctx.app, me, 'POST', url('/actors'), { kind: 'organization', name: '=HYPERLINK("x") Corp', power: 4 })).body;
    const c = (await call(ctx.app, me, 'POST', url('/actors'), { kind: 'person', name: 'Cy' })).body;
    await call(ctx.app, me, 'POST', url('/relationships'), { type: 'POSITION', from: a.id, to: b.id, board: true, strength: 5 });
    await call(ctx.app, me, 'POST', url('/relationships'), { type: 'SOCIAL', from: a.id, to: c.id });
    await call(ctx.app, me, 'POST', url('/maps'), { name: 'Just two', members: [{ actorId: a.id }, { actorId: b.id }] });
  });
  afterAll(() => ctx.close());

  it('writes GraphML and GEXF that an XML parser reads back whole, names escaped', async () => {
    for (const format of ['graphml', 'gexf']) {
      const res = await ctx.app.inject({ url: url(`/export?format=${format}`), headers: { cookie: me.cookie } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toContain(`export-check.${format}`);
      expect(countWithPython(res.body)).toEqual({ nodes: 3, edges: 2 });
      expect(res.body).toContain("Ann &quot;The Fixer&quot; &lt;O'Neil&gt;");
    }
  });

  it('exports one map with only the ties among its actors', async () => {
    const maps = (await call(ctx.app, me, 'GET', url('/maps'))).body.items;
    const res = await ctx.app.inject({ url: url(`/export?format=graphml&map=${maps[0].id}`), headers: { cookie: me.cookie } });
    expect(countWithPython(res.body)).toEqual({ nodes: 2, edges: 1 });
  });

  it('writes spreadsheet sheets in Kumu’s shape, with formulas defused', async () => {
    const actors = await ctx.app.inject({ url: url('/export?format=actors-csv'), headers: { cookie: me.cookie } });
    const rows = parseCsv(actors.body);
    expect(rows.map((r) => r.Label).sort()).toEqual(['Ann "The Fixer" <O\'Neil>', 'Cy', '\'=HYPERLINK("x") Corp'].sort());
    expect(rows.find((r) => r.Label === 'Ann "The Fixer" <O\'Neil>')!.Tags).toBe('donor|board');
    const ties = parseCsv((await ctx.app.inject({ url: url('/export?format=relationships-csv'), headers: { cookie: me.cookie } })).body);
    expect(ties.map((t) => t.Type).sort()).toEqual(['POSITION', 'SOCIAL']);
  });

  it('names an unknown format', async () => {
    const res = await call(ctx.app, me, 'GET', url('/export?format=pdf'));
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('querystring.format');
  });
});
