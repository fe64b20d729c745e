import { describe, expect, it } from 'vitest';
import { freeSpot } from './place';

const far = (p: { x: number; y: number }, taken: { x: number; y: number }[], gap: number) =>
  taken.every((t) => Math.hypot(t.x - p.x, t.y - p.y) >= gap);

describe('freeSpot', () => {
  it('uses the anchor when nobody stands there', () => {
    expect(freeSpot({ x: 10, y: 20 }, [{ x: 500, y: 500 }])).toEqual({ x: 10, y: 20 });
  });

  it('never lands on an actor already placed, even in a crowded centre', () => {
    const taken = [];
    for (let x = -2; x <= 2; x++) for (let y = -2; y <= 2; y++) taken.push({ x: x * 100, y: y * 100 });
    const spot = freeSpot({ x: 0, y: 0 }, taken, { gap: 110 });
    expect(far(spot, taken, 110)).toBe(true);
    // Close to the crowd, not thrown far away.
    expect(Math.hypot(spot.x, spot.y)).toBeLessThan(500);
  });

  it('goes beside the anchor actor rather than on it', () => {
    const spot = freeSpot({ x: 0, y: 0 }, [{ x: 0, y: 0 }], { gap: 110, beside: true });
    expect(Math.round(Math.hypot(spot.x, spot.y))).toBe(110);
  });
});
