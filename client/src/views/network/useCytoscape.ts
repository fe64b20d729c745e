import cytoscape, { type Core, type StylesheetJson } from 'cytoscape';
import edgehandles from 'cytoscape-edgehandles';
import fcose from 'cytoscape-fcose';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { diffElements, type ElementSpec } from '../../graph/elements';
import { placeArrivals } from './layout';

let registered = false;
function register() {
  if (registered) return;
  cytoscape.use(fcose);
  cytoscape.use(edgehandles);
  registered = true;
}

/** Above this many elements the canvas trades detail while panning for a smooth frame rate. */
const LARGE = 2000;
/** Above this, Cytoscape's WebGL renderer draws the nodes and edges. */
const HUGE = 6000;

/**
 * One long-lived Cytoscape instance for the life of the view. New element lists are applied
 * as an id-keyed diff inside one `cy.batch`; layout never runs here (only when asked).
 */
export function useCytoscape(container: RefObject<HTMLDivElement | null>, elements: ElementSpec[], style: StylesheetJson): Core | null {
  const [cy, setCy] = useState<Core | null>(null);
  const drawn = useRef<ElementSpec[]>([]);

  useEffect(() => {
    if (!container.current) return;
    register();
    const large = elements.length > LARGE;
    const instance = cytoscape({
      container: container.current,
      style,
      elements: [],
      wheelSensitivity: 0.3,
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: true,
      selectionType: 'single',
      textureOnViewport: large,
      hideEdgesOnViewport: large,
      hideLabelsOnViewport: large,
      pixelRatio: large ? 1 : 'auto',
      ...(elements.length > HUGE ? { renderer: { name: 'canvas', webgl: true } } : {}),
    } as cytoscape.CytoscapeOptions);
    drawn.current = [];
    setCy(instance);
    (window as unknown as { __powermapCy?: Core }).__powermapCy = instance;
    // The canvas follows its box: a bottom sheet opening, a rotated phone, a folded toolbar.
    const box = container.current;
    const resized = typeof ResizeObserver !== 'undefined' && box ? new ResizeObserver(() => instance.resize()) : null;
    if (box) resized?.observe(box);
    return () => {
      resized?.disconnect();
      instance.destroy();
      setCy(null);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the instance lives as long as the container; elements and style are patched below
  }, [container]);

  useEffect(() => {
    if (!cy) return;
    const patch = diffElements(drawn.current, elements);
    if (!patch.add.length && !patch.remove.length && !patch.update.length) return;
    cy.batch(() => {
      for (const id of patch.remove) cy.getElementById(id).remove();
      const nodes = patch.add.filter((e) => e.group === 'nodes');
      const edges = patch.add.filter((e) => e.group === 'edges');
      // The first drawing is laid out as a whole by the view; later arrivals are fitted in.
      const arrivals = drawn.current.length ? nodes.filter((e) => !e.position).map((e) => String(e.data.id)) : [];
      if (nodes.length)
        cy.add(
          nodes.map((e) => ({
            group: e.group,
            data: e.data as never,
            classes: e.classes,
            ...(e.position ? { position: { ...e.position } } : {}),
          })),
        );
      if (edges.length) cy.add(edges.map((e) => ({ group: e.group, data: e.data as never, classes: e.classes })));
      placeArrivals(cy, arrivals);
      for (const u of patch.update) {
        const el = cy.getElementById(u.id);
        if (el.empty()) continue;
        if (u.data) el.data(u.data);
        if (u.classes !== undefined) el.classes(u.classes);
        if (u.position && el.isNode() && !el.grabbed()) el.position({ ...u.position });
      }
    });
    drawn.current = elements;
  }, [cy, elements]);

  useEffect(() => {
    cy?.style(style);
  }, [cy, style]);

  return cy;
}
