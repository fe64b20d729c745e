import type { Core, EventObject, NodeSingular } from 'cytoscape';
import { useEffect, useRef, type MutableRefObject } from 'react';
import { dispatch } from '../../editor/commands';
import type { Editor } from '../../editor/editor';
import type { MenuTarget } from './ContextMenu';
import { networkExports } from './export';

interface EdgeHandles {
  enableDrawMode(): void;
  disableDrawMode(): void;
  start(node: NodeSingular): void;
  destroy(): void;
}

/**
 * Canvas events → store and commands: selection, moving, double-click, the context menu and
 * drawing ties (edge handles, on while the editor's drawMode is). Registers the canvas hooks
 * (exports, drawing from an actor) for as long as the canvas lives. Returns a flag that is
 * true while a selection made on the canvas is on its way to the store.
 */
export function useNetworkEvents(
  cy: Core | null,
  editor: Editor,
  options: { readOnly: boolean; drawMode: boolean; onExpand: (id: string) => void; onMenu: (menu: MenuTarget | null) => void },
): MutableRefObject<boolean> {
  const eh = useRef<EdgeHandles | null>(null);
  const canvasSelecting = useRef(false);
  const handlers = useRef(options);
  handlers.current = options;
  const { readOnly, drawMode } = options;

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
          editor.store.set({
            selection: { actors, relationships },
            ...(actors.length || relationships.length ? { panel: 'inspector' as const } : {}),
          });
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
      const menu = handlers.current.onMenu;
      if (e.target === cy) menu({ kind: 'background', x: pos.x, y: pos.y, model: { x: e.position.x, y: e.position.y } });
      else if (e.target.isNode()) {
        if (!e.target.selected()) {
          cy.elements().unselect();
          e.target.select();
        }
        menu({ kind: 'node', id: e.target.id(), x: pos.x, y: pos.y });
      } else menu({ kind: 'edge', id: e.target.id(), x: pos.x, y: pos.y });
    };
    // A finger held still is the touch screen's right-click (the help text promises it).
    let holding = false;
    const onHold = (e: EventObject) => {
      const touch = typeof TouchEvent !== 'undefined' && e.originalEvent instanceof TouchEvent;
      if (!touch) return;
      holding = true;
      onCxt(e);
    };
    const onTapBg = (e: EventObject) => {
      // The finger lifting after a long press is no tap that closes the menu it opened.
      if (holding) {
        holding = false;
        return;
      }
      handlers.current.onMenu(null);
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
      cy.on('taphold', onHold);
      cy.on('ehcomplete', onComplete as never);
    }
    const handles = readOnly
      ? null
      : (cy as unknown as { edgehandles(o: object): EdgeHandles }).edgehandles({
          canConnect: (s: NodeSingular, t: NodeSingular) => !s.same(t),
          edgeParams: () => ({ data: {} }),
          hoverDelay: 120,
          snap: true,
          snapThreshold: 30,
          noEdgeEventsInDraw: true,
          disableBrowserGestures: true,
        });
    eh.current = handles;
    if (handles && editor.state.drawMode) handles.enableDrawMode();
    editor.canvas = {
      ...networkExports(cy, () => editor.state.edgeLabels),
      viewCentre: () => {
        const e = cy.extent();
        return { x: (e.x1 + e.x2) / 2, y: (e.y1 + e.y2) / 2 };
      },
      ...(handles
        ? {
            connectFrom: (id: string) => {
              const n = cy.getElementById(id);
              if (n.nonempty()) handles.start(n as NodeSingular);
            },
          }
        : {}),
    };
    return () => {
      clearTimeout(selTimer);
      cy.removeListener('select unselect', syncSelection);
      cy.removeListener('dragfreeon', 'node', onFree);
      cy.removeListener('dbltap', 'node', onDbl);
      cy.removeListener('cxttap', onCxt);
      cy.removeListener('taphold', onHold);
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

  return canvasSelecting;
}
