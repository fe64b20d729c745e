import type { Core, EdgeSingular, EventObject, NodeSingular } from 'cytoscape';
import type { LayoutName } from '../../editor/store';
import { useEffect, useMemo, useRef, useState } from 'react';
import { dispatch } from '../../editor/commands';
import { useEditor, useEditorState } from '../../editor/context';
import { toElements } from '../../graph/elements';
import { fanLeaves } from '../../graph/fan';
import { packBoxes } from '../../graph/pack';
import { networkSvg } from '../../graph/svg';
import { ContextMenu, type MenuTarget } from './ContextMenu';
import { networkStyle } from './stylesheet';
import { useCytoscape } from './useCytoscape';

interface EdgeHandles {
  enableDrawMode(): void;
  disableDrawMode(): void;
  start(node: NodeSingular): void;
  destroy(): void;
}

/**
 * Layout settings. fcose's ideal edge length grows with the busier end's degree, so a hub
 * (a committee with forty members) gets a ring wide enough for its members' labels, while
 * small clusters stay tight.
 */
export function layoutOptions(name: LayoutName, randomize: boolean, animate: boolean) {
  if (name === 'concentric') {
    return {
      name: 'concentric',
      concentric: (n: NodeSingular) => (n.data('power') ?? -1) as number,
      levelWidth: () => 1,
      minNodeSpacing: 36,
      animate,
      animationDuration: 400,
    };
  }
  const busy = (e: EdgeSingular) => Math.max(e.source().degree(false), e.target().degree(false));
  return {
    name: 'fcose',
    quality: 'proof',
    randomize,
    // Not animated: the disconnected parts are packed afterwards, and a jump after a glide looks broken.
    animate: false,
    idealEdgeLength: (e: EdgeSingular) => Math.min(600, Math.max(110, 11 * busy(e))),
    edgeElasticity: () => 0.45,
    nodeRepulsion: () => 12000,
    nodeSeparation: 110,
    gravity: 0.3,
    gravityRange: 3.8,
    numIter: 5000,
    // From our own scattered start the forces need full energy, not the gentle incremental pass.
    initialEnergyOnIncremental: randomize ? 0.3 : 1,
    tile: true,
    tilingPaddingVertical: 40,
    tilingPaddingHorizontal: 40,
    padding: 40,
  };
}

/** Rings of single-tie actors around their hub (see fanLeaves), in the order fcose left them. */
function fanOut(cy: Core) {
  cy.batch(() => {
    cy.nodes().forEach((hub) => {
      const around = hub.neighborhood('node');
      const leaves = around.filter((n) => n.neighborhood('node').length === 1);
      if (leaves.length < 4) return;
      const h = hub.position();
      const others = around.difference(leaves);
      let away: number | null = null;
      if (others.nonempty()) {
        const c = { x: 0, y: 0 };
        others.nodes().forEach((n) => {
          c.x += n.position('x') / others.length;
          c.y += n.position('y') / others.length;
        });
        away = Math.atan2(h.y - c.y, h.x - c.x);
      }
      const angle = (n: NodeSingular) => Math.atan2(n.position('y') - h.y, n.position('x') - h.x);
      const ordered = leaves.toArray().sort((a, b) => angle(a as NodeSingular) - angle(b as NodeSingular));
      const biggest = Math.max(...ordered.map((n) => Number(n.data('size')) || 30));
      const spacing = Math.max(72, biggest + 48);
      const spots = fanLeaves(h, ordered.length, away, spacing, Math.max(150, Number(hub.data('size')) / 2 + spacing * 1.4));
      ordered.forEach((n, i) => (n as NodeSingular).position(spots[i]!));
    });
  });
}

/** Moves the disconnected parts of the map apart so that none lies on another. */
function packParts(cy: Core) {
  const parts = cy.elements().components();
  if (parts.length < 2) return;
  const boxes = parts.map((part, i) => {
    const bb = part.boundingBox({});
    return { id: String(i), width: bb.w, height: bb.h, x1: bb.x1, y1: bb.y1 };
  });
  const at = packBoxes(boxes, cy.width() / Math.max(1, cy.height()), 80);
  cy.batch(() => {
    parts.forEach((part, i) => {
      const box = boxes[i]!;
      const to = at[box.id]!;
      part.nodes().forEach((n) => {
        const p = n.position();
        n.position({ x: p.x - box.x1 + to.x, y: p.y - box.y1 + to.y });
      });
    });
  });
}

/**
 * A random start in a disc sized for the map. fcose's own random start begins with a spectral
 * draft, which folds a hub's members onto a few points it never fully separates.
 */
function scatter(cy: Core) {
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const radius = 60 * Math.sqrt(cy.nodes().length);
  cy.nodes().forEach((n) => {
    const r = radius * Math.sqrt(random());
    const a = 2 * Math.PI * random();
    n.position({ x: r * Math.cos(a), y: r * Math.sin(a) });
  });
}

/** Where an actor without a saved position starts: beside the neighbours that have one. */
function seedUnplaced(cy: Core, unplaced: Set<string>) {
  cy.nodes().forEach((n) => {
    if (!unplaced.has(n.id())) return;
    const placed = n.neighborhood('node').filter((m) => !unplaced.has(m.id()));
    const box = placed.nonempty() ? placed.boundingBox({}) : cy.nodes().filter((m) => !unplaced.has(m.id())).boundingBox({});
    const cx = placed.nonempty() ? (box.x1 + box.x2) / 2 : box.x2 + 120;
    const cyy = (box.y1 + box.y2) / 2;
    n.position({ x: cx + (Math.random() - 0.5) * 160, y: cyy + (Math.random() - 0.5) * 160 });
  });
}

/**
 * The network: Cytoscape over the editor's document, wired to commands. `readOnly` (a shared
 * map) keeps looking, selecting and panning, and drops moving, drawing and the context menu.
 */
export function NetworkView({ onOpenActor, onExpand, drawMode, readOnly = false }: { onOpenActor: (id: string) => void; onExpand: (id: string) => void; drawMode: boolean; readOnly?: boolean }) {
  const editor = useEditor();
  const container = useRef<HTMLDivElement>(null);
  const doc = useEditorState((s) => s.doc);
  const sizeBy = useEditorState((s) => s.sizeBy);
  const colorBy = useEditorState((s) => s.colorBy);
  const edgeLabels = useEditorState((s) => s.edgeLabels);
  const highlight = useEditorState((s) => s.highlight);
  const selection = useEditorState((s) => s.selection);
  const layout = useEditorState((s) => s.layout);
  const fitRequest = useEditorState((s) => s.fitRequest);
  const focusRequest = useEditorState((s) => s.focusRequest);
  const [menu, setMenu] = useState<MenuTarget | null>(null);

  const elements = useMemo(() => toElements(doc, { sizeBy, colorBy }), [doc, sizeBy, colorBy]);
  const style = useMemo(() => networkStyle(edgeLabels), [edgeLabels]);
  const cy = useCytoscape(container, elements, style);
  const eh = useRef<EdgeHandles | null>(null);
  const firstFit = useRef(false);
  const canvasSelecting = useRef(false);
  const handlers = useRef({ onOpenActor, onExpand });
  handlers.current = { onOpenActor, onExpand };

  // Canvas events → store and commands.
  useEffect(() => {
    if (!cy) return;
    let selTimer: ReturnType<typeof setTimeout> | undefined;
    const syncSelection = () => {
      clearTimeout(selTimer);
      canvasSelecting.current = true;
      selTimer = setTimeout(() => {
        canvasSelecting.current = false;
        const actors = cy.nodes(':selected').map((n) => n.id());
        const relationships = cy.edges(':selected').map((e) => e.id());
        const cur = editor.state.selection;
        if (actors.join() !== cur.actors.join() || relationships.join() !== cur.relationships.join()) {
          editor.store.set({ selection: { actors, relationships }, ...(actors.length || relationships.length ? { panel: 'inspector' as const } : {}) });
        }
      }, 10);
    };
    const onFree = (e: EventObject) => {
      const node = e.target as NodeSingular;
      const moved = node.selected() ? cy.nodes(':selected') : node;
      const moves = moved.map((n) => ({ actorId: n.id(), x: Math.round(n.position('x')), y: Math.round(n.position('y')) }));
      void dispatch(editor, 'moveActors', { moves });
    };
    const onDbl = (e: EventObject) => handlers.current.onExpand((e.target as NodeSingular).id());
    const onCxt = (e: EventObject) => {
      const pos = e.renderedPosition ?? { x: 0, y: 0 };
      if (e.target === cy) setMenu({ kind: 'background', x: pos.x, y: pos.y, model: { x: e.position.x, y: e.position.y } });
      else if (e.target.isNode()) {
        if (!e.target.selected()) {
          cy.elements().unselect();
          e.target.select();
        }
        setMenu({ kind: 'node', id: e.target.id(), x: pos.x, y: pos.y });
      } else setMenu({ kind: 'edge', id: e.target.id(), x: pos.x, y: pos.y });
    };
    const onTapBg = (e: EventObject) => {
      setMenu(null);
      if (e.target === cy && editor.state.highlight) editor.store.set({ highlight: null });
    };
    const onComplete = (_e: EventObject, source: NodeSingular, target: NodeSingular, added: { remove(): void }) => {
      added.remove();
      if (source.id() !== target.id()) editor.store.set({ dialog: { kind: 'relationship', from: source.id(), to: target.id() } });
    };
    cy.on('select unselect', syncSelection);
    cy.on('tap', onTapBg);
    cy.autoungrabify(readOnly);
    if (!readOnly) {
      cy.on('dragfreeon', 'node', onFree);
      cy.on('dbltap', 'node', onDbl);
      cy.on('cxttap', onCxt);
      cy.on('ehcomplete', onComplete as never);
    }
    const handles = readOnly ? null : (cy as unknown as { edgehandles(o: object): EdgeHandles }).edgehandles({
      canConnect: (s: NodeSingular, t: NodeSingular) => !s.same(t),
      edgeParams: () => ({ data: {} }),
      hoverDelay: 120,
      snap: true,
      snapThreshold: 30,
      noEdgeEventsInDraw: true,
      disableBrowserGestures: true,
    });
    eh.current = handles;
    editor.canvas = {
      png: () => cy.png({ output: 'blob', bg: '#ffffff', full: true, scale: 2 }) as unknown as Blob,
      svg: () => {
        const at = (n: NodeSingular) => ({ x: n.position('x'), y: n.position('y'), size: Number(n.data('size')) });
        const nodes = cy.nodes().map((n) => ({ ...at(n), shape: n.data('shape'), color: n.data('color'), label: String(n.data('label')), bad: n.hasClass('bad'), unassessed: n.hasClass('unassessed') }));
        const edges = cy.edges().map((e) => ({
          from: at(e.source()), to: at(e.target()), color: e.data('color'), line: e.hasClass('uncited') ? ('dotted' as const) : e.data('line'), width: Number(e.data('width')),
          directed: e.hasClass('directed'), label: editor.state.edgeLabels ? String(e.data('label')) : null,
        }));
        return networkSvg(nodes, edges);
      },
    };
    return () => {
      clearTimeout(selTimer);
      cy.removeListener('select unselect', syncSelection);
      cy.removeListener('dragfreeon', 'node', onFree);
      cy.removeListener('dbltap', 'node', onDbl);
      cy.removeListener('cxttap', onCxt);
      cy.removeListener('tap', onTapBg);
      cy.removeListener('ehcomplete', onComplete as never);
      handles?.destroy();
      eh.current = null;
      editor.canvas = {};
    };
  }, [cy, editor, readOnly]);

  useEffect(() => {
    if (drawMode) eh.current?.enableDrawMode();
    else eh.current?.disableDrawMode();
  }, [drawMode, cy]);

  // Store selection → canvas (the table or inspector may have changed it). Not while a
  // selection made on the canvas is on its way to the store, or a refresh would undo it.
  useEffect(() => {
    if (!cy || canvasSelecting.current) return;
    const want = new Set([...selection.actors, ...selection.relationships]);
    cy.batch(() => {
      cy.elements(':selected').forEach((el) => {
        if (!want.has(el.id())) el.unselect();
      });
      want.forEach((id) => {
        const el = cy.getElementById(id);
        if (el.nonempty() && !el.selected()) el.select();
      });
    });
  }, [cy, selection, elements]);

  // Highlight (paths, story steps, search): everything else fades.
  useEffect(() => {
    if (!cy) return;
    cy.batch(() => {
      cy.elements().removeClass('faded lit');
      if (!highlight) return;
      const lit = new Set([...highlight.actors, ...highlight.relationships]);
      cy.elements().forEach((el) => {
        if (lit.has(el.id())) el.addClass('lit');
        else el.addClass('faded');
      });
    });
  }, [cy, highlight, elements]);

  // A shared map's reader does not pan to find a story step: the step comes into view,
  // above the story card where that card covers the bottom of the canvas (a phone).
  useEffect(() => {
    if (!cy || !readOnly || !highlight) return;
    const lit = cy.collection();
    for (const id of [...highlight.actors, ...highlight.relationships]) lit.merge(cy.getElementById(id));
    if (lit.empty()) return;
    cy.resize();
    const box = lit.union(lit.connectedNodes()).boundingBox({});
    const canvas = cy.container()?.getBoundingClientRect();
    const card = document.querySelector('.presenter')?.getBoundingClientRect();
    const covered = canvas && card && card.width > canvas.width / 2 ? Math.max(0, canvas.bottom - card.top) : 0;
    const pad = 60;
    const width = cy.width();
    const height = Math.max(120, cy.height() - covered);
    const zoom = Math.max(0.1, Math.min(1.2, (width - 2 * pad) / Math.max(1, box.w), (height - 2 * pad) / Math.max(1, box.h)));
    const centre = { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 };
    cy.animate({ zoom, pan: { x: width / 2 - centre.x * zoom, y: height / 2 - centre.y * zoom }, duration: 300 });
  }, [cy, readOnly, highlight]);

  // Runs a layout and saves where it put everyone (as one undo step when the user asked for it).
  const arrange = (instance: Core, name: LayoutName, how: { randomize: boolean; animate: boolean; record: boolean }) => {
    const run = instance.layout({ ...layoutOptions(name, how.randomize, how.animate), fit: true } as never);
    run.one('layoutstop', () => {
      if (name === 'fcose') {
        fanOut(instance);
        packParts(instance);
      }
      instance.fit(undefined, 40);
      if (instance.zoom() > 1.2) {
        instance.zoom(1.2);
        instance.center();
      }
      if (!editor.me.canEdit) return;
      const moves = instance.nodes().map((n) => ({ actorId: n.id(), x: Math.round(n.position('x')), y: Math.round(n.position('y')) }));
      const before = moves.map((m) => ({ actorId: m.actorId, ...posOf(editor.doc.members[m.actorId]) }));
      const summary = !how.record ? 'Arrange the map' : name === 'concentric' ? 'Concentric layout by power' : 'Force-directed layout';
      void editor.commit({ summary, edits: [{ kind: 'move', before, after: moves }] }, { record: how.record });
    });
    run.run();
  };

  // First view: a map whose actors have no saved positions is laid out (and the result
  // saved, so the next visit opens the same picture); otherwise fit what was saved.
  useEffect(() => {
    if (!cy || firstFit.current || cy.nodes().empty()) return;
    firstFit.current = true;
    const unplaced = new Set(Object.entries(doc.members).filter(([, m]) => m.x === null || m.y === null).map(([id]) => id));
    if (unplaced.size && unplaced.size >= cy.nodes().length) {
      scatter(cy);
      return arrange(cy, 'fcose', { randomize: false, animate: false, record: false });
    }
    if (unplaced.size) {
      seedUnplaced(cy, unplaced);
      return arrange(cy, 'fcose', { randomize: false, animate: false, record: false });
    }
    cy.fit(undefined, 40);
    if (cy.zoom() > 1.2) {
      cy.zoom(1.2);
      cy.center();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the first elements are drawn; later edits of the document must not re-fit
  }, [cy, elements]);

  // Layout only when asked; the result is saved as one undoable step.
  useEffect(() => {
    if (!cy || layout.request === 0 || cy.nodes().empty()) return;
    arrange(cy, layout.name, { randomize: cy.nodes().length < 3 || layout.name !== 'fcose', animate: true, record: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs per request only: a new layout name alone must not move the map
  }, [cy, layout.request]);

  useEffect(() => {
    if (!cy || !fitRequest) return;
    // The container may have changed size since Cytoscape last measured it (a rotated phone).
    cy.resize();
    cy.fit(undefined, 50);
    if (cy.zoom() > 1.2) {
      cy.zoom(1.2);
      cy.center();
    }
  }, [cy, fitRequest]);

  useEffect(() => {
    if (!cy || !focusRequest) return;
    const node = cy.getElementById(focusRequest.id);
    if (node.empty()) return;
    // Centre the actor itself (not its label's box), close enough to read its name.
    const zoom = Math.max(cy.zoom(), 1);
    const p = (node as NodeSingular).position();
    cy.animate({ zoom, pan: { x: cy.width() / 2 - p.x * zoom, y: cy.height() / 2 - p.y * zoom }, duration: 250 });
  }, [cy, focusRequest]);

  return (
    <div className="network-wrap">
      <div ref={container} className="network-canvas" role="application" aria-label="Network of actors and relationships. Use the table view for a keyboard-accessible list." tabIndex={0} />
      {doc && Object.keys(doc.members).length === 0 && (
        <div className="canvas-empty">
          <h2>This map is empty</h2>
          <p>{readOnly ? 'Nobody has been put on this map yet.' : 'Add the decision-makers, the people who move them, and your own base.'}</p>
          {editor.me.canEdit && !readOnly && <button className="btn btn-primary" onClick={() => void dispatch(editor, 'openAddActor')}>Add the first actor</button>}
        </div>
      )}
      {menu && cy && !readOnly && <ContextMenu target={menu} cy={cy as Core} onClose={() => setMenu(null)} onOpenActor={onOpenActor} onExpand={onExpand} onConnect={(id) => { const n = cy.getElementById(id); if (n.nonempty()) eh.current?.start(n as NodeSingular); }} />}
    </div>
  );
}

const posOf = (m: { x: number | null; y: number | null } | undefined) => (m && m.x !== null && m.y !== null ? { x: m.x, y: m.y } : { x: 0, y: 0 });
