import { ALIGNMENT_MAX, ALIGNMENT_MIN, POWER_MAX, POWER_MIN } from '../api/domain';

/** The power grid's geometry: alignment across (−3…+3), power up (0…5). */
export interface GridGeometry {
  left: number;
  top: number;
  cellWidth: number;
  cellHeight: number;
}

export const COLUMNS = ALIGNMENT_MAX - ALIGNMENT_MIN + 1;
export const ROWS = POWER_MAX - POWER_MIN + 1;

export function gridGeometry(width: number, height: number, margins = { left: 170, top: 44, right: 16, bottom: 56 }): GridGeometry {
  return {
    left: margins.left,
    top: margins.top,
    cellWidth: Math.max(60, (width - margins.left - margins.right) / COLUMNS),
    cellHeight: Math.max(48, (height - margins.top - margins.bottom) / ROWS),
  };
}

export function cellRect(g: GridGeometry, alignment: number, power: number) {
  return {
    x: g.left + (alignment - ALIGNMENT_MIN) * g.cellWidth,
    y: g.top + (POWER_MAX - power) * g.cellHeight,
    width: g.cellWidth,
    height: g.cellHeight,
  };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The reading a point on the grid stands for (clamped to the grid). */
export function readingAt(g: GridGeometry, x: number, y: number): { alignment: number; power: number } {
  const col = Math.floor((x - g.left) / g.cellWidth);
  const row = Math.floor((y - g.top) / g.cellHeight);
  return {
    alignment: clamp(col + ALIGNMENT_MIN, ALIGNMENT_MIN, ALIGNMENT_MAX),
    power: clamp(POWER_MAX - row, POWER_MIN, POWER_MAX),
  };
}

/** Spreads n markers over a cell in rows so none covers another; returns centres. */
export function spreadInCell(rect: { x: number; y: number; width: number; height: number }, n: number, marker = 30) {
  const perRow = Math.max(1, Math.floor((rect.width - 8) / (marker + 6)));
  const rows = Math.ceil(n / perRow);
  const rowHeight = Math.min(marker + 16, (rect.height - 8) / Math.max(1, rows));
  const out: { x: number; y: number }[] = [];
  for (let i = 0; i < n; i++) {
    const r = Math.floor(i / perRow);
    const inRow = Math.min(perRow, n - r * perRow);
    const c = i % perRow;
    const step = rect.width / (inRow + 1);
    out.push({ x: rect.x + step * (c + 1), y: rect.y + 4 + rowHeight * (r + 0.5) });
  }
  return out;
}

/** The spectrum of allies as bands of the alignment axis. */
export const allyBands = [
  { label: 'Active opposition', from: -3, to: -2, tone: '#f4d6d1' },
  { label: 'Passive opposition', from: -1, to: -1, tone: '#faeae4' },
  { label: 'Neutral', from: 0, to: 0, tone: '#f3f4f6' },
  { label: 'Passive allies', from: 1, to: 1, tone: '#e6eef6' },
  { label: 'Active allies', from: 2, to: 3, tone: '#d3e2f1' },
] as const;
