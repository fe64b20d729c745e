import { useState, type KeyboardEvent } from 'react';
import { moveCell, startsSearch, type Cell } from './grid-keys';

const CONTROL = 'input, select, textarea, button';

/**
 * Keyboard movement for a data grid (the ARIA grid pattern): one cell is the grid's tab stop,
 * arrows and Home/End/Page keys move it, Enter goes into the cell's control (presses a button,
 * opens a field), Esc comes back out to the cell, and a letter typed on a cell starts a search.
 * The controls keep their own keys (a select's arrows change its value).
 */
export function useGridFocus(size: { rows: number; cols: number }, onType: (text: string) => void) {
  const [active, setActive] = useState<Cell>({ row: 1, col: 1 });
  const row = Math.min(active.row, Math.max(0, size.rows - 1));
  const col = Math.min(active.col, Math.max(0, size.cols - 1));

  const cellProps = (r: number, c: number) => ({
    tabIndex: r === row && c === col ? 0 : -1,
    'data-cell': `${r},${c}`,
    // Focus reaching a control inside (a click, a Tab) makes its cell the active one.
    onFocus: () => {
      if (r !== active.row || c !== active.col) setActive({ row: r, col: c });
    },
  });

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const target = e.target as HTMLElement;
    const cell = target.closest<HTMLElement>('[data-cell]');
    if (!cell) return;
    if (target !== cell) {
      // Leaving a field: back to its cell, where the arrows work again.
      if (e.key === 'Escape') {
        e.stopPropagation();
        cell.focus();
      } else if (e.key === 'Enter' && target instanceof HTMLInputElement) {
        // A field that closes on Enter takes the focus with it: give it to the cell.
        requestAnimationFrame(() => {
          if (!document.activeElement || document.activeElement === document.body) cell.focus();
        });
      }
      return;
    }
    if (e.key === 'Enter' || e.key === 'F2') {
      const control = cell.querySelector<HTMLElement>(CONTROL);
      if (!control) return;
      e.preventDefault();
      e.stopPropagation();
      if (control instanceof HTMLButtonElement) control.click();
      else control.focus();
      return;
    }
    const [r, c] = (cell.dataset.cell ?? '0,0').split(',').map(Number) as [number, number];
    const next = moveCell({ row: r, col: c }, e.key, size, e.ctrlKey || e.metaKey);
    if (next) {
      e.preventDefault();
      e.stopPropagation();
      setActive(next);
      cell.closest('[role="grid"]')?.querySelector<HTMLElement>(`[data-cell="${next.row},${next.col}"]`)?.focus();
      return;
    }
    if (startsSearch(e.key, { ctrl: e.ctrlKey, meta: e.metaKey, alt: e.altKey })) {
      e.preventDefault();
      e.stopPropagation();
      onType(e.key);
    }
  };

  return { cellProps, onKeyDown };
}
