/**
 * The rendering bench page. `__bench.editor(payload)` mounts the editor's real network view
 * (NetworkView: the editor's stylesheet, element building, id-keyed diff applied in one batch,
 * its Cytoscape options and first fit) over an Editor whose transport saves nothing;
 * `__bench.bare(payload, webgl)` draws the very same elements, stylesheet and preset positions
 * with bare Cytoscape.js. Both report the time to their first full frame, and
 * times the frames of a background drag (`__bench.drag`).
 */
import cytoscape, { type Core } from 'cytoscape';
import { createRoot, type Root } from 'react-dom/client';
import type { Actor, Relationship } from '../../client/src/api/domain';
import { EditorContext } from '../../client/src/editor/context';
import { Editor } from '../../client/src/editor/editor';
import type { GraphDoc } from '../../client/src/graph/doc';
import { toElements } from '../../client/src/graph/elements';
import { NetworkView } from '../../client/src/views/network/NetworkView';
import { networkStyle } from '../../client/src/views/network/stylesheet';
import '../../client/src/styles.css';

export interface RenderPayload {
  actors: Array<Pick<Actor, 'id' | 'name' | 'kind' | 'roles' | 'power' | 'alignment' | 'organized'>>;
  relationships: Array<Pick<Relationship, 'id' | 'type' | 'from' | 'to' | 'mutual' | 'strength'> & { cited: boolean }>;
  positions: Record<string, { x: number; y: number }>;
}

const STAMP = '2026-01-15T09:00:00.000Z';

function docOf(p: RenderPayload): GraphDoc {
  const actors: Record<string, Actor> = {};
  const members: GraphDoc['members'] = {};
  for (const a of p.actors) {
    actors[a.id] = {
      ...a,
      aliases: [],
      description: '',
      sector: 'other',
      tags: [],
      interests: [],
      powerSources: [],
      externalIds: {},
      links: [],
      contactOwner: null,
      image: null,
      version: 1,
      createdAt: STAMP,
      updatedAt: STAMP,
    } as unknown as Actor;
    const at = p.positions[a.id]!;
    members[a.id] = { x: at.x, y: at.y, style: {} };
  }
  const relationships: Record<string, Relationship> = {};
  for (const { cited, ...r } of p.relationships) {
    relationships[r.id] = {
      ...r,
      description: '',
      sourceIds: cited ? ['00000000-0000-4000-8000-000000000000'] : [],
      version: 1,
      createdAt: STAMP,
      updatedAt: STAMP,
    } as unknown as Relationship;
  }
  return { mapId: 'bench', mapName: 'Bench', mapVersion: 1, annotations: [], actors, relationships, members };
}

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const stage = () => document.getElementById('stage')!;

let root: Root | null = null;
let bare: Core | null = null;
const current = () => bare ?? (window as unknown as { __powermapCy?: Core }).__powermapCy ?? null;

function isWebgl(cy: Core): boolean {
  const options = (cy as unknown as { _private?: { options?: { renderer?: { webgl?: boolean } } } })._private?.options;
  return options?.renderer?.webgl === true;
}

const bench = {
  /** The editor's network view; resolves once every element is drawn and fitted, two frames later. */
  async editor(payload: RenderPayload) {
    bench.clear();
    const doc = docOf(payload);
    const expected = payload.actors.length + payload.relationships.length;
    const editor = new Editor({ run: async () => ({}) }, doc, { id: null, canEdit: true });
    const t0 = performance.now();
    root = createRoot(stage());
    root.render(
      <EditorContext.Provider value={editor}>
        <NetworkView onOpenActor={() => {}} onExpand={() => {}} />
      </EditorContext.Provider>,
    );
    let cy: Core | undefined;
    for (;;) {
      await frame();
      cy = (window as unknown as { __powermapCy?: Core }).__powermapCy;
      if (cy && !cy.destroyed() && cy.elements().length === expected) break;
      if (performance.now() - t0 > 300_000) throw new Error('the network view did not draw its elements within 5 minutes');
    }
    await frame();
    await frame();
    return { firstRender: performance.now() - t0, webgl: isWebgl(cy), elements: cy.elements().length };
  },

  /** Bare Cytoscape.js: the same elements (built beforehand, untimed), stylesheet and positions. */
  async bare(payload: RenderPayload, webgl: boolean) {
    bench.clear();
    const elements = toElements(docOf(payload)).map((e) => ({
      group: e.group,
      data: e.data,
      classes: e.classes,
      ...(e.position ? { position: { ...e.position } } : {}),
    }));
    const container = document.createElement('div');
    container.style.cssText = 'position:absolute;inset:0';
    stage().appendChild(container);
    const t0 = performance.now();
    bare = cytoscape({
      container,
      elements: elements as never,
      style: networkStyle(false),
      layout: { name: 'preset' },
      ...(webgl ? { renderer: { name: 'canvas', webgl: true } } : {}),
    } as cytoscape.CytoscapeOptions);
    bare.fit(undefined, 40);
    await frame();
    await frame();
    return { firstRender: performance.now() - t0, webgl: isWebgl(bare), elements: bare.elements().length };
  },

  /**
   * Pans as a user does: a mouse drag on the background (the fit padding), one move per frame,
   * through Cytoscape's own gesture handling (so the editor's viewport options take effect).
   * Cytoscape skips animation frames when drawing is slow, so the frame time is taken between
   * its own `render` events; the animation-frame intervals are returned as well.
   */
  async drag(frames: number, budgetMs: number) {
    const cy = current();
    if (!cy) return [];
    const container = cy.container()!;
    const rect = container.getBoundingClientRect();
    const canvases = container.querySelectorAll('canvas');
    const target = canvases[canvases.length - 1] ?? container;
    const at = (x: number, y: number, buttons: number) => ({
      clientX: rect.left + x,
      clientY: rect.top + y,
      bubbles: true,
      cancelable: true,
      button: 0,
      buttons,
    });
    const renders: number[] = [];
    const onRender = () => renders.push(performance.now());
    cy.on('render', onRender);
    target.dispatchEvent(new MouseEvent('mousedown', at(15, 15, 1)));
    const intervals: number[] = [];
    let last = await frame();
    const until = last + budgetMs;
    for (let i = 1; i <= frames && (i <= 3 || last < until); i++) {
      target.dispatchEvent(new MouseEvent('mousemove', at(15 + 5 * i, 15 + 3 * i, 1)));
      const now = await frame();
      intervals.push(now - last);
      last = now;
    }
    target.dispatchEvent(new MouseEvent('mouseup', at(15 + 5 * intervals.length, 15 + 3 * intervals.length, 0)));
    await frame();
    cy.off('render', onRender);
    return { intervals, renders: renders.slice(1).map((t, i) => t - renders[i]!) };
  },

  /** The viewport pan, to check a drag really panned. */
  pan() {
    return current()?.pan() ?? null;
  },

  clear() {
    root?.unmount();
    root = null;
    bare?.destroy();
    bare = null;
    stage().replaceChildren();
  },
};

(window as unknown as { __bench: typeof bench }).__bench = bench;
document.title = 'ready';
