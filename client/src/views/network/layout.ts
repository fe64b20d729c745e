import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import type { LayoutName } from '../../editor/store';
import { fanLeaves } from '../../graph/fan';
import { packBoxes } from '../../graph/pack';
import { centroid, freeSpot, type Point } from '../../graph/place';

/** Closer than this and a map of three actors fills the screen with one name. */
export const MAX_FIT_ZOOM = 1.2;

/**
 * Fits everything (or `what`) into the canvas with a margin, but never closer than
 * MAX_FIT_ZOOM: the one fit the network uses after a layout, on opening and on request.
 */
export function fitAndClamp(cy: Core, padding: number) {
  // A viewport animation still under way (centring a new actor, 250 ms) would otherwise go on
  // after this fit and land on where that actor was before the layout moved it.
  cy.stop(true, false);
  cy.fit(undefined, padding);
  if (cy.zoom() > MAX_FIT_ZOOM) {
    cy.zoom(MAX_FIT_ZOOM);
    cy.center();
  }
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
export function fanOut(cy: Core) {
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
export function packParts(cy: Core) {
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
export function scatter(cy: Core) {
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
export function seedUnplaced(cy: Core, unplaced: Set<string>) {
  cy.nodes().forEach((n) => {
    if (!unplaced.has(n.id())) return;
    const placed = n.neighborhood('node').filter((m) => !unplaced.has(m.id()));
    const box = placed.nonempty()
      ? placed.boundingBox({})
      : cy
          .nodes()
          .filter((m) => !unplaced.has(m.id()))
          .boundingBox({});
    const cx = placed.nonempty() ? (box.x1 + box.x2) / 2 : box.x2 + 120;
    const cyy = (box.y1 + box.y2) / 2;
    n.position({ x: cx + (Math.random() - 0.5) * 160, y: cyy + (Math.random() - 0.5) * 160 });
  });
}

/** Past this many at once, arrivals are a new picture to lay out, not a few actors to fit in. */
const MAX_ARRIVALS = 200;

/**
 * Actors that arrive without a saved place on a map already drawn (a colleague's or the
 * owner's edit coming in live): beside the actors they are tied to, else at the centre of
 * the view, and never on top of one already there. Cytoscape would put them all at 0,0.
 */
export function placeArrivals(cy: Core, ids: string[]) {
  if (!ids.length || ids.length > MAX_ARRIVALS) return;
  const arriving = new Set(ids);
  const taken: Point[] = cy
    .nodes()
    .filter((n) => !arriving.has(n.id()))
    .map((n) => ({ ...(n as NodeSingular).position() }));
  const view = cy.extent();
  for (const id of ids) {
    const node = cy.getElementById(id);
    if (node.empty() || !node.isNode()) continue;
    const near = centroid(
      node
        .neighborhood('node')
        .filter((m) => !arriving.has(m.id()))
        .map((m) => ({ ...(m as NodeSingular).position() })),
    );
    const spot = freeSpot(near ?? { x: (view.x1 + view.x2) / 2, y: (view.y1 + view.y2) / 2 }, taken, { beside: near !== null });
    node.position(spot);
    taken.push(spot);
  }
}

export interface Move {
  actorId: string;
  x: number;
  y: number;
}

/** Where every actor is now, rounded as the map stores it. */
export const positionsOf = (cy: Core): Move[] =>
  cy.nodes().map((n) => ({ actorId: n.id(), x: Math.round(n.position('x')), y: Math.round(n.position('y')) }));

/**
 * Runs a layout, tidies it (fcose: leaves fanned round their hub, parts packed apart), fits,
 * and hands the resulting positions to `done` (the view saves them).
 */
export function runLayout(cy: Core, name: LayoutName, how: { randomize: boolean; animate: boolean }, done: (moves: Move[]) => void) {
  cy.stop(true, false);
  const run = cy.layout({ ...layoutOptions(name, how.randomize, how.animate), fit: true } as never);
  run.one('layoutstop', () => {
    if (name === 'fcose') {
      fanOut(cy);
      packParts(cy);
    }
    fitAndClamp(cy, 40);
    done(positionsOf(cy));
  });
  run.run();
}
