import type { Core, NodeSingular } from 'cytoscape';
import { useEffect, useMemo, useRef, useState } from 'react';
import { dispatch } from '../../editor/commands';
import { useEditor, useEditorState } from '../../editor/context';
import type { LayoutName } from '../../editor/store';
import { toElements } from '../../graph/elements';
import { ContextMenu, type MenuTarget } from './ContextMenu';
import { fitAndClamp, MAX_FIT_ZOOM, runLayout, scatter, seedUnplaced } from './layout';
import { networkStyle } from './stylesheet';
import { useCytoscape } from './useCytoscape';
import { useNetworkEvents } from './useNetworkEvents';

/**
 * The network: Cytoscape over the editor's document, wired to commands. `readOnly` (a shared
 * map) keeps looking, selecting and panning, and drops moving, drawing and the context menu.
 */
export function NetworkView({
  onOpenActor,
  onExpand,
  readOnly = false,
}: {
  onOpenActor: (id: string) => void;
  onExpand: (id: string) => void;
  readOnly?: boolean;
}) {
  const editor = useEditor();
  const container = useRef<HTMLDivElement>(null);
  const doc = useEditorState((s) => s.doc);
  const sizeBy = useEditorState((s) => s.sizeBy);
  const colorBy = useEditorState((s) => s.colorBy);
  const targets = useEditorState((s) => (s.showTargets ? s.targets : null));
  const edgeLabels = useEditorState((s) => s.edgeLabels);
  const highlight = useEditorState((s) => s.highlight);
  const presenting = useEditorState((s) => s.story !== null);
  const selection = useEditorState((s) => s.selection);
  const layout = useEditorState((s) => s.layout);
  const fitRequest = useEditorState((s) => s.fitRequest);
  const focusRequest = useEditorState((s) => s.focusRequest);
  const centreRequest = useEditorState((s) => s.centreRequest);
  const drawMode = useEditorState((s) => s.drawMode);
  const [menu, setMenu] = useState<MenuTarget | null>(null);

  const elements = useMemo(() => toElements(doc, { sizeBy, colorBy, targets }), [doc, sizeBy, colorBy, targets]);
  const style = useMemo(() => networkStyle(edgeLabels), [edgeLabels]);
  const cy = useCytoscape(container, elements, style);
  const firstFit = useRef(false);
  const canvasSelecting = useNetworkEvents(cy, editor, { readOnly, drawMode: drawMode && !readOnly, onExpand, onMenu: setMenu });

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
  }, [cy, selection, elements, canvasSelecting]);

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

  // Neither a shared map's reader nor a presenter pans to find a story step: the step comes
  // into view, above the story card where that card covers the bottom of the canvas (a phone).
  useEffect(() => {
    if (!cy || !(readOnly || presenting) || !highlight) return;
    // After the frame has settled: starting a presentation hides the editing chrome and the canvas grows.
    const frame = requestAnimationFrame(() => {
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
      const zoom = Math.max(0.1, Math.min(MAX_FIT_ZOOM, (width - 2 * pad) / Math.max(1, box.w), (height - 2 * pad) / Math.max(1, box.h)));
      const centre = { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 };
      cy.stop(true);
      cy.animate({ zoom, pan: { x: width / 2 - centre.x * zoom, y: height / 2 - centre.y * zoom }, duration: 300 });
    });
    return () => cancelAnimationFrame(frame);
  }, [cy, readOnly, presenting, highlight]);

  // Runs a layout and saves where it put everyone (as one undo step when the user asked for it).
  const arrange = (instance: Core, name: LayoutName, how: { randomize: boolean; animate: boolean; record: boolean }) =>
    runLayout(instance, name, how, (moves) => {
      if (!editor.me.canEdit) return;
      const before = moves.map((m) => ({ actorId: m.actorId, ...posOf(editor.doc.members[m.actorId]) }));
      const summary = !how.record ? 'Arrange the map' : name === 'concentric' ? 'Concentric layout by power' : 'Force-directed layout';
      void editor.commit({ summary, edits: [{ kind: 'move', before, after: moves }] }, { record: how.record });
    });

  // First view: a map whose actors have no saved positions is laid out (and the result
  // saved, so the next visit opens the same picture); otherwise fit what was saved.
  useEffect(() => {
    if (!cy || firstFit.current || cy.nodes().empty()) return;
    firstFit.current = true;
    const unplaced = new Set(
      Object.entries(doc.members)
        .filter(([, m]) => m.x === null || m.y === null)
        .map(([id]) => id),
    );
    if (unplaced.size && unplaced.size >= cy.nodes().length) {
      scatter(cy);
      return arrange(cy, 'fcose', { randomize: false, animate: false, record: false });
    }
    if (unplaced.size) {
      seedUnplaced(cy, unplaced);
      return arrange(cy, 'fcose', { randomize: false, animate: false, record: false });
    }
    // An address that names where the camera was opens there instead.
    if (!editor.state.centreRequest) fitAndClamp(cy, 40);
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
    fitAndClamp(cy, 50);
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

  useEffect(() => {
    if (!cy || !centreRequest) return;
    const { x, y, zoom } = centreRequest.centre;
    cy.resize();
    const z = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), zoom));
    cy.viewport({ zoom: z, pan: { x: cy.width() / 2 - x * z, y: cy.height() / 2 - y * z } });
  }, [cy, centreRequest]);

  // The camera the reader chose (by panning or zooming, not a fit or a story) goes in the address.
  useEffect(() => {
    if (!cy) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const record = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const zoom = cy.zoom();
        const pan = cy.pan();
        editor.store.set({ centre: { x: (cy.width() / 2 - pan.x) / zoom, y: (cy.height() / 2 - pan.y) / zoom, zoom } });
      }, 250);
    };
    cy.on('dragpan scrollzoom pinchzoom', record);
    return () => {
      clearTimeout(timer);
      cy.off('dragpan scrollzoom pinchzoom', record);
    };
  }, [cy, editor]);

  return (
    <div className="network-wrap">
      <div
        ref={container}
        className="network-canvas"
        role="application"
        aria-label="Network of actors and relationships. Use the table view for a keyboard-accessible list."
        tabIndex={0}
      />
      {doc && Object.keys(doc.members).length === 0 && (
        <div className="canvas-empty">
          <h2>This map is empty</h2>
          <p>
            {readOnly ? 'Nobody has been put on this map yet.' : 'Add the decision-makers, the people who move them, and your own base.'}
          </p>
          {editor.me.canEdit && !readOnly && (
            <button className="btn btn-primary" onClick={() => void dispatch(editor, 'openAddActor')}>
              Add the first actor
            </button>
          )}
        </div>
      )}
      {menu && cy && !readOnly && <ContextMenu target={menu} onClose={() => setMenu(null)} onOpenActor={onOpenActor} onExpand={onExpand} />}
    </div>
  );
}

const posOf = (m: { x: number | null; y: number | null } | undefined) =>
  m && m.x !== null && m.y !== null ? { x: m.x, y: m.y } : { x: 0, y: 0 };
