import { describe, expect, it } from 'vitest';
import { packBoxes } from './pack';

const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('packBoxes', () => {
  it('puts disconnected parts of a map beside each other, never on top', () => {
    const boxes = [
      { id: 'house', width: 900, height: 850 },
      { id: 'senate', width: 700, height: 650 },
      { id: 'coalition', width: 40, height: 40 },
      { id: 'pair', width: 200, height: 60 },
    ];
    const at = packBoxes(boxes, 1.4, 60);
    const placed = boxes.map((b) => ({ ...b, ...at[b.id]! }));
    for (const a of placed) for (const b of placed) if (a !== b) expect(overlap(a, b)).toBe(false);
    // A wide canvas gets the two big parts side by side.
    expect(at.senate!.y).toBe(0);
  });

  it('places a single part at the origin', () => {
    expect(packBoxes([{ id: 'a', width: 10, height: 10 }], 1, 20)).toEqual({ a: { x: 0, y: 0 } });
  });
});
