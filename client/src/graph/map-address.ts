import type { Selection, View } from '../editor/store';

/** Where the camera looks: the model point at the canvas's centre, and the zoom. */
export interface Centre {
  x: number;
  y: number;
  zoom: number;
}

/** What a map's address holds beyond the map itself, so a reload or a passed-on link opens the same place. */
export interface MapAddress {
  view?: View;
  selection?: Selection;
  centre?: Centre;
}

const VIEWS: readonly View[] = ['network', 'grid', 'table'];
const MAX_IDS = 100;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

const ids = (value: string | null) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => ID.test(s))
    .slice(0, MAX_IDS);

/** Reads the address; whatever is missing or malformed is left out, never an error. */
export function readAddress(search: string): MapAddress {
  const q = new URLSearchParams(search);
  const address: MapAddress = {};
  const view = q.get('view');
  if (view && (VIEWS as readonly string[]).includes(view)) address.view = view as View;
  const actors = ids(q.get('sel'));
  const relationships = ids(q.get('selTies'));
  if (actors.length || relationships.length) address.selection = { actors, relationships };
  const at = (q.get('at') ?? '').split(',').map(Number);
  if (at.length === 3 && at.every(Number.isFinite) && at[2]! > 0) address.centre = { x: at[0]!, y: at[1]!, zoom: at[2]! };
  return address;
}

const round = (n: number, places: number) => Number(n.toFixed(places));

/** The query string for this place, keeping any other parameters the address already had. */
export function writeAddress(search: string, address: MapAddress): string {
  const q = new URLSearchParams(search);
  for (const key of ['view', 'sel', 'selTies', 'at']) q.delete(key);
  // The network is where a map opens: it needs no word in the address.
  if (address.view && address.view !== 'network') q.set('view', address.view);
  const selection = address.selection;
  if (selection?.actors.length) q.set('sel', selection.actors.slice(0, MAX_IDS).join(','));
  if (selection?.relationships.length) q.set('selTies', selection.relationships.slice(0, MAX_IDS).join(','));
  const c = address.centre;
  if (c && (address.view ?? 'network') === 'network') q.set('at', `${round(c.x, 0)},${round(c.y, 0)},${round(c.zoom, 3)}`);
  const text = q.toString().replace(/%2C/g, ',');
  return text ? `?${text}` : '';
}
