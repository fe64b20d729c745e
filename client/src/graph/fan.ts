export interface Point {
  x: number;
  y: number;
}

/**
 * Places the actors tied only to one hub (a committee's members, a company's directors) in
 * rings around it, far enough apart for their labels, instead of leaving them where a force
 * layout piles them up. `away` points the fan away from the rest of the map (radians); null
 * uses the full circle.
 */
export function fanLeaves(hub: Point, count: number, away: number | null, spacing = 72, firstRadius = 150): Point[] {
  const out: Point[] = [];
  const arc = away === null ? 2 * Math.PI : (4 * Math.PI) / 3;
  let ring = 0;
  while (out.length < count) {
    const radius = firstRadius + ring * spacing * 0.9;
    const room = Math.max(1, Math.floor((arc * radius) / spacing));
    const here = Math.min(room, count - out.length);
    // Alternate rings start half a step apart so labels of one ring fall between the next's.
    const step = arc / (away === null ? here : Math.max(1, here - 1 + (here < room ? 1 : 0)));
    const start = away === null ? (ring % 2) * (step / 2) - Math.PI / 2 : away - arc / 2 + (here < room ? step / 2 : 0);
    for (let i = 0; i < here; i++) {
      const a = start + i * step;
      out.push({ x: Math.round(hub.x + radius * Math.cos(a)), y: Math.round(hub.y + radius * Math.sin(a)) });
    }
    ring++;
  }
  return out;
}
