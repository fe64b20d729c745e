import { describe, expect, it } from 'vitest';
import { moveCell, startsSearch } from './grid-keys';

const size = { rows: 25, cols: 8 };

describe('moving through the actor table by keyboard', () => {
  it('steps one cell with the arrows and stops at the edges', () => {
    expect(moveCell({ row: 3, col: 2 }, 'ArrowDown', size)).toEqual({ row: 4, col: 2 });
    expect(moveCell({ row: 3, col: 2 }, 'ArrowRight', size)).toEqual({ row: 3, col: 3 });
    expect(moveCell({ row: 0, col: 0 }, 'ArrowUp', size)).toEqual({ row: 0, col: 0 });
    expect(moveCell({ row: 24, col: 7 }, 'ArrowRight', size)).toEqual({ row: 24, col: 7 });
  });

  it('jumps to the ends of a row, to the corners with Ctrl, and ten rows a page', () => {
    expect(moveCell({ row: 5, col: 4 }, 'Home', size)).toEqual({ row: 5, col: 0 });
    expect(moveCell({ row: 5, col: 4 }, 'End', size)).toEqual({ row: 5, col: 7 });
    expect(moveCell({ row: 5, col: 4 }, 'Home', size, true)).toEqual({ row: 0, col: 0 });
    expect(moveCell({ row: 5, col: 4 }, 'End', size, true)).toEqual({ row: 24, col: 7 });
    expect(moveCell({ row: 5, col: 4 }, 'PageDown', size)).toEqual({ row: 15, col: 4 });
    expect(moveCell({ row: 20, col: 4 }, 'PageDown', size)).toEqual({ row: 24, col: 4 });
    expect(moveCell({ row: 5, col: 4 }, 'PageUp', size)).toEqual({ row: 0, col: 4 });
  });

  it('keeps the active cell inside a table that shrank under it, and ignores other keys', () => {
    expect(moveCell({ row: 40, col: 2 }, 'ArrowUp', { rows: 5, cols: 8 })).toEqual({ row: 3, col: 2 });
    expect(moveCell({ row: 1, col: 1 }, 'Enter', size)).toBeNull();
    expect(moveCell({ row: 0, col: 0 }, 'ArrowDown', { rows: 0, cols: 8 })).toBeNull();
  });

  it('starts a search on a printable character, not on a shortcut or a space', () => {
    const none = { ctrl: false, meta: false, alt: false };
    expect(startsSearch('m', none)).toBe(true);
    expect(startsSearch(' ', none)).toBe(false);
    expect(startsSearch('k', { ...none, ctrl: true })).toBe(false);
    expect(startsSearch('ArrowDown', none)).toBe(false);
  });
});
