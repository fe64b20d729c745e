import { centroid, freeSpot, type Point } from '../graph/place';
import type { Editor } from './editor';

type Spot = { x: number | null; y: number | null } | undefined;
const placed = (members: Spot[]): Point[] => members.flatMap((m) => (m && m.x !== null && m.y !== null ? [{ x: m.x, y: m.y }] : []));

/**
 * Where actors new to this map go: beside the selected actors, else at the centre of what the
 * network shows, else the middle of the map; never on top of an actor already there.
 * `extra` are spots already handed out in the same step.
 */
export function newActorSpot(editor: Editor, extra: Point[] = []): Point {
  const { doc, selection } = editor.state;
  const taken = [...placed(Object.values(doc.members)), ...extra];
  const selected = placed(selection.actors.map((id) => doc.members[id]));
  const near = centroid(selected);
  if (near) return freeSpot(near, taken, { beside: true });
  return freeSpot(editor.canvas.viewCentre?.() ?? centroid(taken) ?? { x: 0, y: 0 }, taken);
}
