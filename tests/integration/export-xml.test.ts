/**
 * Exports survive any stored text: a name holding characters XML 1.0 cannot carry still
 * gives GraphML and GEXF that strict parsers (expat through networkx) read whole, with the
 * rest of the name and the line breaks and tabs of a description kept.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestContext } from '../support/app.js';
import { call, newWorkspace, signUp, type Caller } from '../support/api.js';

/** Node labels and descriptions as networkx reads them, or the parser's error. */
function readWithNetworkx(format: 'graphml' | 'gexf', text: string): { labels: string[]; descriptions: string[] } {
  const script = `
import sys, json, io, networkx as nx
data = sys.stdin.buffer.read()
g = nx.read_graphml(io.BytesIO(data)) if sys.argv[1] == 'graphml' else nx.read_gexf(io.BytesIO(data))
nodes = [d for _, d in sorted(g.nodes(data=True))]
print(json.dumps({'labels': sorted(d.get('label', '') for d in nodes), 'descriptions': sorted(d.get('description', '') for d in nodes)}))`;
  return JSON.parse(execFileSync('python3', ['-c', script, format], { input: text }).toString());
}

describe('exports of text XML cannot carry', () => {
  let ctx: TestContext;
  let me: Caller;
  let ws: string;
  const url = (path: string) => `/api/workspaces/${ws}${path}`;

  beforeAll(async () => {
    ctx = await testApp();
    me = await signUp(ctx.app, 'Exporter');
    ws = await newWorkspace(ctx.app, me, 'Odd\u0001 text');
    const odd = await call(ctx.app, me, 'POST', url('/actors'), {
      kind: 'person',
      name: 'Ana\u0001\uFFFE Rivera\uFFFF\u001F',
      description: 'Line one\r\nLine two\twith a tab\u0008',
    });
    expect(odd.status).toBe(201);
    const plain = await call(ctx.app, me, 'POST', url('/actors'), { kind: 'organization', name: 'Acme & Co' });
    await call(ctx.app, me, 'POST', url('/relationships'), {
      type: 'POSITION',
      from: odd.body.id,
      to: plain.body.id,
      description: 'Chair\u000B of the board',
    });
  });
  afterAll(() => ctx.close());

  for (const format of ['graphml', 'gexf'] as const) {
    it(`writes ${format} that a strict parser accepts, keeping the rest of the name`, async () => {
      const res = await ctx.app.inject({ url: url(`/export?format=${format}`), headers: { cookie: me.cookie } });
      expect(res.statusCode).toBe(200);
      const read = readWithNetworkx(format, res.body);
      expect(read.labels).toEqual(['Acme & Co', 'Ana Rivera']);
      expect(read.descriptions).toContain('Line one\r\nLine two\twith a tab');
    });
  }
});
