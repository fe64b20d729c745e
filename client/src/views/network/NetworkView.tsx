import type { Core, EventObject, NodeSingular } from 'cytoscape';
import { useEffect, useMemo, useRef, useState } from 'react';
import { dispatch } from '../../editor/commands';
import { useEditor, useEditorState } from '../../editor/context';
import { toElements } from '../../graph/elements';
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

function layoutOptions(name: 'fcose' | 'concentric' | 'grid', randomize: boolean) {
  if (name === 'concentric') {
    return {
      name: 'concentric',
      concentric: (n: NodeSingular) => (n.data('power') ?? -1) as number,
      levelWidth: () => 1,
      minNodeSpacing: 30,
      animate: true,
      animationDuration: 400,
    };
  }
  return { name: 'fcose', quality: 'default', randomize, animate: true, animationDuration: 500, nodeRepulsion: 30000, idealEdgeLength: 170, nodeSeparation: 140, gravity: 0.15, padding: 60 };
}

/** The network: Cytoscape over the editor's document, wired to commands. */
export function NetworkView({ onOpenActor, onExpand, drawMode }: { onOpenActor: (id: string) => void; onExpand: (id: string) => void; drawMode: boolean }) {
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
  const handlers = useRef({ onOpenActor, onExpand });
  handlers.current = { onOpenActor, onExpand };

  // Canvas events → store and commands.
  useEffect(() => {
    if (!cy) return;
    let selTimer: ReturnType<typeof setTimeout> | undefined;
    const syncSelection = () => {
      clearTimeout(selTimer);
      selTimer = setTimeout(() => {
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
    cy.on('dragfreeon', 'node', onFree);
    cy.on('dbltap', 'node', onDbl);
    cy.on('cxttap', onCxt);
    cy.on('tap', onTapBg);
    cy.on('ehcomplete', onComplete as never);
    const handles = (cy as unknown as { edgehandles(o: object): EdgeHandles }).edgehandles({
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
      handles.destroy();
      eh.current = null;
      editor.canvas = {};
    };
  }, [cy, editor]);

  useEffect(() => {
    if (drawMode) eh.current?.enableDrawMode();
    else eh.current?.disableDrawMode();
  }, [drawMode, cy]);

  // Store selection → canvas (the table or inspector may have changed it).
  useEffect(() => {
    if (!cy) return;
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

  // First view: lay out a map that has no saved positions, then fit.
  useEffect(() => {
    if (!cy || firstFit.current || cy.nodes().empty()) return;
    firstFit.current = true;
    const unplaced = doc.members && Object.values(doc.members).filter((m) => m.x === null || m.y === null).length;
    if (unplaced && unplaced === cy.nodes().length) editor.store.set((s) => ({ layout: { name: 'fcose', request: s.layout.request + 1 } }));
    else cy.fit(undefined, 60);
    if (cy.zoom() > 1.2) {
      cy.zoom(1.2);
      cy.center();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cy, elements]);

  // Layout only when asked; the result is saved as one undoable step.
  useEffect(() => {
    if (!cy || layout.request === 0 || cy.nodes().empty()) return;
    const run = cy.layout({ ...layoutOptions(layout.name, cy.nodes().length < 3 || layout.name !== 'fcose' ? true : false), fit: true } as never);
    run.one('layoutstop', () => {
      if (cy.zoom() > 1.2) {
        cy.zoom(1.2);
        cy.center();
      }
      const moves = cy.nodes().map((n) => ({ actorId: n.id(), x: Math.round(n.position('x')), y: Math.round(n.position('y')) }));
      if (editor.me.canEdit) void editor.commit({ summary: layout.name === 'concentric' ? 'Concentric layout by power' : 'Force-directed layout', edits: [{ kind: 'move', before: moves.map((m) => ({ ...m, ...posOf(editor.doc.members[m.actorId]) , actorId: m.actorId })), after: moves }] });
    });
    run.run();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cy, layout.request]);

  useEffect(() => {
    if (!cy || !fitRequest) return;
    cy.fit(undefined, 50);
    if (cy.zoom() > 1.2) {
      cy.zoom(1.2);
      cy.center();
    }
  }, [cy, fitRequest]);

  useEffect(() => {
    if (!cy || !focusRequest) return;
    const node = cy.getElementById(focusRequest.id);
    if (node.nonempty()) cy.animate({ center: { eles: node }, duration: 250 });
  }, [cy, focusRequest]);

  return (
    <div className="network-wrap">
      <div ref={container} className="network-canvas" role="application" aria-label="Network of actors and relationships. Use the table view for a keyboard-accessible list." tabIndex={0} />
      {doc && Object.keys(doc.members).length === 0 && (
        <div className="canvas-empty">
          <h2>This map is empty</h2>
          <p>Add the decision-makers, the people who move them, and your own base.</p>
          {editor.me.canEdit && <button className="btn btn-primary" onClick={() => void dispatch(editor, 'openAddActor')}>Add the first actor</button>}
        </div>
      )}
      {menu && cy && <ContextMenu target={menu} cy={cy as Core} onClose={() => setMenu(null)} onOpenActor={onOpenActor} onExpand={onExpand} onConnect={(id) => { const n = cy.getElementById(id); if (n.nonempty()) eh.current?.start(n as NodeSingular); }} />}
    </div>
  );
}

const posOf = (m: { x: number | null; y: number | null } | undefined) => (m && m.x !== null && m.y !== null ? { x: m.x, y: m.y } : { x: 0, y: 0 });
