/**
 * Rendering in Debian's Chromium: the editor's own network view (bench/render: NetworkView
 * over an Editor, with its stylesheet, element building, diff/apply and Cytoscape options)
 * against bare Cytoscape.js drawing the same elements with the same stylesheet at the same
 * preset positions, with the canvas and the WebGL renderer: time to the first full frame and
 * frame time while the user pans (real mouse drags on the background).
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../tests/support/browser.js';
import { emptyOutcome, type Suite } from '../lib/context.js';
import { generatePowerGraph } from '../lib/generator.js';
import { rng } from '../lib/random.js';
import { median, ratio } from '../lib/stats.js';
import type { RenderPayload } from '../render/render.js';

const root = path.resolve(import.meta.dirname, '../..');
const buildDir = path.join(root, 'bench', '.build', 'render');

/** About `count` elements (actors + ties) of a power graph, at seeded preset positions. */
export function payloadOf(count: number): RenderPayload {
  const graph = generatePowerGraph(Math.max(10, Math.round(count / 11)), { seed: 5 });
  const random = rng(9);
  const side = Math.sqrt(graph.actors.length) * 90;
  const positions: RenderPayload['positions'] = {};
  for (const a of graph.actors) positions[a.id] = { x: Math.round(random() * side), y: Math.round(random() * side) };
  return {
    actors: graph.actors.map((a) => ({
      id: a.id,
      name: a.name,
      kind: a.kind,
      roles: a.roles,
      power: a.power,
      alignment: a.alignment,
      organized: a.organized,
    })),
    relationships: graph.relationships.map((r, i) => ({
      id: r.id,
      type: r.type,
      from: graph.actors[r.from]!.id,
      to: graph.actors[r.to]!.id,
      mutual: r.mutual,
      strength: r.strength,
      cited: i % 2 === 0,
    })),
    positions,
  };
}

/** Builds the bench page with its own Vite config (a few seconds) and serves it on a free port. */
async function servePage(log: (line: string) => void): Promise<{ url: string; close(): void }> {
  log('  building the rendering bench page…');
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', path.join(root, 'bench', 'render', 'vite.config.ts')],
    { cwd: root, stdio: 'pipe' },
  );
  if (!existsSync(path.join(buildDir, 'render.html'))) throw new Error('the rendering bench page was not built');
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const server = http.createServer((req, res) => {
    const file = path.join(buildDir, path.normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(buildDir)) return void res.writeHead(403).end();
    res.setHeader('content-type', types[path.extname(file)] ?? 'application/octet-stream');
    createReadStream(file)
      .on('error', () => res.writeHead(404).end())
      .pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/render.html`, close: () => server.close() };
}

type Side = { kind: 'editor' } | { kind: 'bare'; webgl: boolean };
interface Figures {
  firstRender: number;
  webgl: boolean;
  elements: number;
  frame: number | null;
  intervals: number[];
  renders: number[];
  panned: boolean;
}

/** One fresh page per measurement: mount, wait for the first full frame, then drag the background. */
async function measure(
  browser: Browser,
  url: string,
  payload: RenderPayload,
  side: Side,
  drag: { steps: number; budgetMs: number },
): Promise<Figures> {
  const page: Page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  try {
    await page.goto(url);
    await page.waitForFunction(() => document.title === 'ready');
    type Bench = {
      editor(p: RenderPayload): Promise<{ firstRender: number; webgl: boolean; elements: number }>;
      bare(p: RenderPayload, webgl: boolean): Promise<{ firstRender: number; webgl: boolean; elements: number }>;
      drag(frames: number, budgetMs: number): Promise<{ intervals: number[]; renders: number[] }>;
      pan(): { x: number; y: number } | null;
    };
    const first = await page.evaluate(
      ([p, s]) => {
        const b = (window as unknown as { __bench: Bench }).__bench;
        return s.kind === 'editor' ? b.editor(p) : b.bare(p, s.webgl);
      },
      [payload, side] as const,
    );
    const before = await page.evaluate(() => (window as unknown as { __bench: Bench }).__bench.pan());
    const dragged = await page.evaluate(([f, b]) => (window as unknown as { __bench: Bench }).__bench.drag(f, b), [
      drag.steps,
      drag.budgetMs,
    ] as const);
    const after = await page.evaluate(() => (window as unknown as { __bench: Bench }).__bench.pan());
    const panned = !!before && !!after && (before.x !== after.x || before.y !== after.y);
    // Between Cytoscape's redraws; with fewer than two redraws, the drag's mean animation frame.
    const { intervals, renders } = dragged;
    const frameMs =
      renders.length >= 2 ? median(renders) : intervals.length ? intervals.reduce((a, b) => a + b, 0) / intervals.length : null;
    const r1 = (x: number) => Math.round(x * 10) / 10;
    return { ...first, frame: frameMs === null ? null : r1(frameMs), intervals: intervals.map(r1), renders: renders.map(r1), panned };
  } finally {
    await page.close();
  }
}

export const renderingSuite: Suite = {
  name: 'rendering',
  title: 'Rendering in Chromium: the editor ÷ bare Cytoscape.js, first full render and panning frame time (ms)',
  async run(ctx) {
    const out = emptyOutcome();
    const sizes = ctx.quick ? [1_000, 5_000] : [1_000, 5_000, 20_000];
    const rounds = ctx.quick ? 1 : 2;
    const drag = ctx.quick ? { steps: 30, budgetMs: 6_000 } : { steps: 60, budgetMs: 10_000 };
    const served = await servePage(ctx.log);
    // SwiftShader gives WebGL without a GPU, as on a headless CI machine.
    const browser = await launchChromium([
      '--enable-unsafe-swiftshader',
      '--use-angle=swiftshader',
      '--enable-webgl',
      '--ignore-gpu-blocklist',
    ]);
    const main: Array<Array<string | number | null>> = [];
    const renderers: Array<Array<string | number | null>> = [];
    const raw: Record<string, unknown> = {};
    try {
      for (const size of sizes) {
        const payload = payloadOf(size);
        const count = payload.actors.length + payload.relationships.length;
        out.datasets[`map-${size / 1000}k`] = {
          elements: count,
          actors: payload.actors.length,
          relationships: payload.relationships.length,
        };
        const runs: Record<'editor' | 'canvas' | 'webgl', Figures[]> = { editor: [], canvas: [], webgl: [] };
        // Rounds taken in turn, so load from elsewhere falls on every side alike; the median is kept.
        for (let r = 0; r < rounds; r++) {
          // Software WebGL at 20k takes seconds a frame: one round is enough to show it.
          const webglToo = r === 0 || size < 20_000;
          runs.editor.push(await measure(browser, served.url, payload, { kind: 'editor' }, drag));
          runs.canvas.push(await measure(browser, served.url, payload, { kind: 'bare', webgl: false }, drag));
          if (webglToo) runs.webgl.push(await measure(browser, served.url, payload, { kind: 'bare', webgl: true }, drag));
        }
        const mid = (xs: Figures[], key: 'firstRender' | 'frame') => {
          const values = xs.map((x) => x[key]).filter((x): x is number => x !== null);
          return values.length ? Math.round(median(values) * 10) / 10 : null;
        };
        const editorWebgl = runs.editor[0]!.webgl;
        const same = editorWebgl ? runs.webgl : runs.canvas;
        const firstRatio = ratio(mid(runs.editor, 'firstRender'), mid(same, 'firstRender'));
        const frameRatio = ratio(mid(runs.editor, 'frame'), mid(same, 'frame'));
        main.push([
          count,
          editorWebgl ? 'WebGL' : 'canvas',
          mid(same, 'firstRender'),
          mid(runs.editor, 'firstRender'),
          firstRatio,
          mid(same, 'frame'),
          mid(runs.editor, 'frame'),
          frameRatio,
        ]);
        renderers.push([
          count,
          mid(runs.canvas, 'firstRender'),
          mid(runs.webgl, 'firstRender'),
          ratio(mid(runs.webgl, 'firstRender'), mid(runs.canvas, 'firstRender')),
          mid(runs.canvas, 'frame'),
          mid(runs.webgl, 'frame'),
          ratio(mid(runs.webgl, 'frame'), mid(runs.canvas, 'frame')),
        ]);
        out.goals.push({
          what: `${count} elements: first render, editor ÷ bare Cytoscape (${editorWebgl ? 'WebGL' : 'canvas'})`,
          goal: '≤ 1.1',
          value: firstRatio,
          met: firstRatio === null ? null : firstRatio <= 1.1,
        });
        out.goals.push({
          what: `${count} elements: panning frame, editor ÷ bare Cytoscape (${editorWebgl ? 'WebGL' : 'canvas'})`,
          goal: '≤ 1.1',
          value: frameRatio,
          met: frameRatio === null ? null : frameRatio <= 1.1,
        });
        const unpanned = Object.entries(runs)
          .filter(([, xs]) => xs.some((x) => !x.panned))
          .map(([k]) => k);
        if (unpanned.length)
          out.notes.push(
            `map-${size / 1000}k: the drag did not move the viewport for ${unpanned.join(', ')} (the frame figure is then an idle frame).`,
          );
        raw[`map-${size / 1000}k`] = runs;
        ctx.log(
          `  ${count} elements: first render editor ${mid(runs.editor, 'firstRender')} ms vs bare ${mid(same, 'firstRender')} ms; frame ${mid(runs.editor, 'frame')} vs ${mid(same, 'frame')} ms (${editorWebgl ? 'WebGL' : 'canvas'})`,
        );
      }
    } finally {
      await browser.close();
      served.close();
    }
    out.tables.push({
      caption: `the editor's network view ÷ bare Cytoscape.js with the renderer the editor chooses (canvas up to 6,000 elements, WebGL above); 1200×800, software rendering (no GPU); median of ${rounds} round${rounds > 1 ? 's' : ''}; frame = median time between Cytoscape's redraws while dragging the background`,
      columns: [
        'elements',
        'renderer',
        'bare first render',
        'editor first render',
        'editor ÷ bare',
        'bare frame',
        'editor frame',
        'editor ÷ bare',
      ],
      rows: main,
    });
    out.tables.push({
      caption: 'bare Cytoscape.js, canvas and WebGL renderers, the same elements, stylesheet and positions (ms)',
      columns: ['elements', 'canvas first render', 'WebGL first render', 'WebGL ÷ canvas', 'canvas frame', 'WebGL frame', 'WebGL ÷ canvas'],
      rows: renderers,
    });
    out.notes.push(
      'The editor side is the real NetworkView (client/src/views/network) inside an Editor whose transport saves nothing: its stylesheet, toElements, the id-keyed diff applied in one batch, its Cytoscape options (above 2,000 elements a texture while panning and edges hidden while the viewport moves; above 6,000 the WebGL renderer) and its first fit. Its first render includes building the elements from the document; bare Cytoscape gets them ready-made.',
    );
    out.notes.push('Half of the ties carry a source (cited ties are solid, uncited dashed, as in the editor).');
    if (ctx.quick) out.notes.push('Quick runs draw 1k and 5k elements only; the 20k map is in full runs.');
    out.raw = raw;
    return out;
  },
};
