/** A cell of a data grid: row 0 is the header row. */
export interface Cell {
  row: number;
  col: number;
}

const PAGE = 10;

const clamp = (n: number, max: number) => Math.max(0, Math.min(max, n));

/**
 * Where a key moves the active cell of a grid of `rows` × `cols` (the ARIA grid pattern):
 * arrows one step, Home/End to the row's ends, Ctrl+Home/End to the first and last cell,
 * Page Up/Down ten rows. Null for a key that does not move.
 */
export function moveCell(from: Cell, key: string, size: { rows: number; cols: number }, ctrl = false): Cell | null {
  if (size.rows === 0 || size.cols === 0) return null;
  const lastRow = size.rows - 1;
  const lastCol = size.cols - 1;
  const at = { row: clamp(from.row, lastRow), col: clamp(from.col, lastCol) };
  switch (key) {
    case 'ArrowUp':
      return { ...at, row: clamp(at.row - 1, lastRow) };
    case 'ArrowDown':
      return { ...at, row: clamp(at.row + 1, lastRow) };
    case 'ArrowLeft':
      return { ...at, col: clamp(at.col - 1, lastCol) };
    case 'ArrowRight':
      return { ...at, col: clamp(at.col + 1, lastCol) };
    case 'Home':
      return ctrl ? { row: 0, col: 0 } : { ...at, col: 0 };
    case 'End':
      return ctrl ? { row: lastRow, col: lastCol } : { ...at, col: lastCol };
    case 'PageUp':
      return { ...at, row: clamp(at.row - PAGE, lastRow) };
    case 'PageDown':
      return { ...at, row: clamp(at.row + PAGE, lastRow) };
    default:
      return null;
  }
}

/** A key that starts a search when typed on a cell: one printable character, no shortcut. */
export const startsSearch = (key: string, modifiers: { ctrl: boolean; meta: boolean; alt: boolean }) =>
  key.length === 1 && key !== ' ' && !modifiers.ctrl && !modifiers.meta && !modifiers.alt;
