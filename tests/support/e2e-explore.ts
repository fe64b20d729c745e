/**
 * A small campaign scene for the explore flows, set up through the API from inside the page:
 * our union, an ally who knows the senator, two committees that share two members.
 */
import type { Page } from 'playwright-core';
import { apiIn } from './e2e-editor.js';

export interface Scene {
  ws: string;
  map: string;
  ids: Record<'union' | 'lee' | 'vance' | 'health' | 'finance' | 'ortiz' | 'kim' | 'paper', string>;
}

export async function buildScene(page: Page, name: string): Promise<Scene> {
  const ws = (await apiIn<{ id: string }>(page, 'POST', '/api/workspaces', { name })).id;
  const base = `/api/workspaces/${ws}`;
  const actor = async (name: string, kind: 'person' | 'organization', extra: object = {}) =>
    (await apiIn<{ id: string }>(page, 'POST', `${base}/actors`, { kind, name, ...extra })).id;
  const ids = {
    union: await actor('Nurses Union', 'organization', { roles: ['base'], organized: true, power: 2, alignment: 3 }),
    lee: await actor('Dr. Lee', 'person', { roles: ['ally'], power: 2, alignment: 2 }),
    vance: await actor('Senator Vance', 'person', { roles: ['decision_maker'], power: 5, alignment: 0 }),
    health: await actor('Health Committee', 'organization', { power: 4 }),
    finance: await actor('Finance Committee', 'organization', { power: 4 }),
    ortiz: await actor('Rep. Ortiz', 'person', { power: 3, alignment: -1 }),
    kim: await actor('Rep. Kim', 'person', { power: 3, alignment: 1 }),
    paper: await actor('Daily Ledger', 'organization', { power: 1 }),
  };
  const tie = (type: string, from: string, to: string, extra: object = {}) =>
    apiIn(page, 'POST', `${base}/relationships`, { type, from, to, ...extra });
  await tie('MEMBERSHIP', ids.lee, ids.union, { strength: 4 });
  await tie('SOCIAL', ids.lee, ids.vance, { strength: 4 });
  await tie('POSITION', ids.vance, ids.health, { title: 'Chair' });
  await tie('POSITION', ids.ortiz, ids.health, { title: 'Member' });
  await tie('POSITION', ids.ortiz, ids.finance, { title: 'Member' });
  await tie('POSITION', ids.kim, ids.health, { title: 'Member' });
  await tie('POSITION', ids.kim, ids.finance, { title: 'Ranking member' });
  await tie('GENERIC', ids.paper, ids.finance, { label: 'covers' });
  const map = (await apiIn<{ id: string }>(page, 'POST', `${base}/maps`, { name: 'Who moves Senator Vance' })).id;
  // No positions: the first open lays the map out.
  await apiIn(page, 'POST', `${base}/maps/${map}/members`, { actorIds: Object.values(ids) });
  return { ws, map, ids };
}

/** Cytoscape's view of one actor: selected, and how far its centre is from the canvas centre. */
export async function nodeState(page: Page, id: string) {
  return page.evaluate((id) => {
    const cy = (
      window as unknown as {
        __powermapCy: {
          getElementById(id: string): { selected(): boolean; renderedPosition(): { x: number; y: number } };
          width(): number;
          height(): number;
        };
      }
    ).__powermapCy;
    const n = cy.getElementById(id);
    const p = n.renderedPosition();
    return { selected: n.selected(), offCentre: Math.round(Math.hypot(p.x - cy.width() / 2, p.y - cy.height() / 2)) };
  }, id);
}

/** The canvas's zoom and pan, to see whether a touch gesture moved it. */
export async function viewport(page: Page) {
  return page.evaluate(() => {
    const cy = (window as unknown as { __powermapCy: { zoom(): number; pan(): { x: number; y: number } } }).__powermapCy;
    return { zoom: cy.zoom(), pan: cy.pan() };
  });
}

/** A point on the page over empty canvas: far from every actor and clear of the legend. */
export async function emptySpot(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const cy = (
      window as unknown as {
        __powermapCy: {
          nodes(): { map<T>(f: (n: { renderedPosition(): { x: number; y: number } }) => T): T[] };
          width(): number;
          height(): number;
          container(): HTMLElement;
        };
      }
    ).__powermapCy;
    const nodes = cy.nodes().map((n) => n.renderedPosition());
    const box = cy.container().getBoundingClientRect();
    const legend = document.querySelector('.legend')?.getBoundingClientRect();
    let best = { x: 0, y: 0, room: -1 };
    for (let x = 120; x < cy.width() - 120; x += 20) {
      for (let y = 80; y < cy.height() - 80; y += 20) {
        const px = box.left + x;
        const py = box.top + y;
        if (legend && px > legend.left - 150 && px < legend.right + 150 && py > legend.top - 150 && py < legend.bottom + 150) continue;
        const room = Math.min(...nodes.map((n) => Math.hypot(n.x - x, n.y - y)));
        if (room > best.room) best = { x: px, y: py, room };
      }
    }
    return { x: best.x, y: best.y };
  });
}
