export interface Point {
  x: number;
  y: number;
}

/**
 * The first free spot for a new actor: the anchor itself (unless `beside`, when the anchor is
 * an actor already there), else the nearest point on rings around it that keeps `gap` from
 * every actor already placed. Deterministic, so a test (and a user) can tell where it lands.
 */
export function freeSpot(anchor: Point, taken: Point[], options: { gap?: number; beside?: boolean } = {}): Point {
  const gap = options.gap ?? 110;
  const free = (p: Point) => taken.every((t) => Math.hypot(t.x - p.x, t.y - p.y) >= gap);
  const round = (p: Point) => ({ x: Math.round(p.x), y: Math.round(p.y) });
  if (!options.beside && free(anchor)) return round(anchor);
  // Rings one gap apart, each with as many spots as fit a gap apart; right of the anchor first.
  for (let ring = 1; ring <= 200; ring++) {
    const radius = ring * gap;
    const spots = Math.max(6, Math.floor((2 * Math.PI * radius) / gap));
    for (let i = 0; i < spots; i++) {
      const angle = (2 * Math.PI * i) / spots;
      const p = { x: anchor.x + radius * Math.cos(angle), y: anchor.y + radius * Math.sin(angle) };
      if (free(p)) return round(p);
    }
  }
  return round({ x: anchor.x + 201 * gap, y: anchor.y });
}

export const centroid = (points: Point[]): Point | null =>
  points.length ? { x: points.reduce((s, p) => s + p.x, 0) / points.length, y: points.reduce((s, p) => s + p.y, 0) / points.length } : null;
