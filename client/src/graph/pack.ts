/** The bounding box of one connected part of a map, as laid out on its own. */
export interface PackBox {
  id: string;
  width: number;
  height: number;
}

/**
 * Places disconnected parts of a map side by side instead of on top of each other (fcose
 * lays each part out around the same centre). Shelf packing: tallest first, rows about as
 * wide as the canvas's aspect asks for. Returns each box's top-left corner.
 */
export function packBoxes(boxes: PackBox[], aspect: number, gap: number): Record<string, { x: number; y: number }> {
  if (!boxes.length) return {};
  const sorted = [...boxes].sort((a, b) => b.height - a.height || b.width - a.width || a.id.localeCompare(b.id));
  // Try each row width that ends a row at a box edge; keep the packing that the canvas shows largest.
  let best: { at: Record<string, { x: number; y: number }>; scale: number } | null = null;
  let sum = 0;
  for (const b of sorted) {
    sum += b.width + (sum ? gap : 0);
    const { at, width, height } = shelves(sorted, Math.max(sum, sorted[0]!.width), gap);
    const scale = Math.min(aspect / Math.max(1, width), 1 / Math.max(1, height));
    if (!best || scale > best.scale) best = { at, scale };
  }
  return best!.at;
}

function shelves(sorted: PackBox[], rowWidth: number, gap: number) {
  const at: Record<string, { x: number; y: number }> = {};
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  let width = 0;
  for (const b of sorted) {
    if (x > 0 && x + b.width > rowWidth) {
      x = 0;
      y += rowHeight + gap;
      rowHeight = 0;
    }
    at[b.id] = { x, y };
    x += b.width + gap;
    width = Math.max(width, x - gap);
    rowHeight = Math.max(rowHeight, b.height);
  }
  return { at, width, height: y + rowHeight };
}
