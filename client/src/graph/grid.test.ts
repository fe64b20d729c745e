import { describe, expect, it } from 'vitest';
import { cellRect, gridGeometry, readingAt, spreadInCell } from './grid';

describe('power grid geometry', () => {
  const g = gridGeometry(870, 400);
  it('puts die-hard opposed on the left and decisive at the top', () => {
    const topLeft = cellRect(g, -3, 5);
    expect(topLeft).toMatchObject({ x: g.left, y: g.top });
    const r = cellRect(g, 3, 0);
    expect(readingAt(g, r.x + 5, r.y + 5)).toEqual({ alignment: 3, power: 0 });
  });
  it('clamps points outside the grid to its edge', () => {
    expect(readingAt(g, -100, -100)).toEqual({ alignment: -3, power: 5 });
    expect(readingAt(g, 5000, 5000)).toEqual({ alignment: 3, power: 0 });
  });
  it('spreads markers in a cell without two on the same spot', () => {
    const points = spreadInCell({ x: 0, y: 0, width: 100, height: 80 }, 5);
    expect(new Set(points.map((p) => `${p.x},${p.y}`)).size).toBe(5);
    expect(points.every((p) => p.x > 0 && p.x < 100 && p.y > 0 && p.y < 80)).toBe(true);
  });
});
