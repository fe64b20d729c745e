import { describe, expect, it } from 'vitest';
import { fanLeaves } from './fan';

const dist = (a: { x: number; y: number }, b: typeof a) => Math.hypot(a.x - b.x, a.y - b.y);

describe('fanLeaves', () => {
  it('spreads a committee of forty around it with room for every label', () => {
    const hub = { x: 100, y: 50 };
    const spots = fanLeaves(hub, 40, null);
    expect(spots).toHaveLength(40);
    let closest = Infinity;
    for (let i = 0; i < spots.length; i++)
      for (let j = i + 1; j < spots.length; j++) closest = Math.min(closest, dist(spots[i]!, spots[j]!));
    expect(closest).toBeGreaterThan(45);
    for (const p of spots) expect(dist(p, hub)).toBeGreaterThanOrEqual(149);
  });

  it('turns the fan away from the rest of the map', () => {
    const spots = fanLeaves({ x: 0, y: 0 }, 6, 0);
    for (const p of spots) expect(p.x).toBeGreaterThan(-80);
  });
});
