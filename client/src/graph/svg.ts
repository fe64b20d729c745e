/** A drawn network as plain values: where each node and edge is, and how it looks. */
export interface SvgNode {
  x: number;
  y: number;
  size: number;
  shape: 'triangle' | 'rectangle' | 'ellipse';
  color: string;
  label: string;
  bad: boolean;
  unassessed: boolean;
}
export interface SvgEdge {
  from: { x: number; y: number; size: number };
  to: { x: number; y: number; size: number };
  color: string;
  line: 'solid' | 'dashed' | 'dotted';
  width: number;
  directed: boolean;
  label: string | null;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const dash = (line: SvgEdge['line']) =>
  line === 'dashed' ? ' stroke-dasharray="8 4"' : line === 'dotted' ? ' stroke-dasharray="2 4"' : '';

function shape(n: SvgNode): string {
  const h = n.size / 2;
  const stroke = n.bad
    ? ' stroke="#111111" stroke-width="5"'
    : ` stroke="#4b5563" stroke-width="1.5"${n.unassessed ? ' stroke-dasharray="4 3"' : ''}`;
  if (n.shape === 'triangle')
    return `<polygon points="${n.x},${n.y - h} ${n.x + h},${n.y + h} ${n.x - h},${n.y + h}" fill="${n.color}"${stroke}/>`;
  if (n.shape === 'rectangle')
    return `<rect x="${n.x - h}" y="${n.y - h}" width="${n.size}" height="${n.size}" fill="${n.color}"${stroke}/>`;
  return `<circle cx="${n.x}" cy="${n.y}" r="${h}" fill="${n.color}"${stroke}/>`;
}

/**
 * A standalone SVG of the network (our own writer: vector output for reports and print,
 * with the same shapes, colours, line patterns and arrows as the canvas).
 */
export function networkSvg(nodes: SvgNode[], edges: SvgEdge[], padding = 40): string {
  if (!nodes.length) return '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="80"><text x="20" y="44">Empty map</text></svg>';
  const minX = Math.min(...nodes.map((n) => n.x - n.size / 2 - 60)) - padding;
  const maxX = Math.max(...nodes.map((n) => n.x + n.size / 2 + 60)) + padding;
  const minY = Math.min(...nodes.map((n) => n.y - n.size / 2)) - padding;
  const maxY = Math.max(...nodes.map((n) => n.y + n.size / 2 + 24)) + padding;
  const parts: string[] = [];
  const colors = [...new Set(edges.filter((e) => e.directed).map((e) => e.color))];
  parts.push('<defs>');
  colors.forEach((c, i) =>
    parts.push(
      `<marker id="arrow${i}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="${c}"/></marker>`,
    ),
  );
  parts.push('</defs>');
  parts.push(`<rect x="${minX}" y="${minY}" width="${maxX - minX}" height="${maxY - minY}" fill="#ffffff"/>`);
  for (const e of edges) {
    const dx = e.to.x - e.from.x;
    const dy = e.to.y - e.from.y;
    const len = Math.hypot(dx, dy) || 1;
    // Stop at the target's edge so the arrow head shows.
    const back = e.to.size / 2 + 2;
    const x2 = e.to.x - (dx / len) * back;
    const y2 = e.to.y - (dy / len) * back;
    const marker = e.directed ? ` marker-end="url(#arrow${colors.indexOf(e.color)})"` : '';
    parts.push(
      `<line x1="${e.from.x}" y1="${e.from.y}" x2="${x2}" y2="${y2}" stroke="${e.color}" stroke-width="${e.width}"${dash(e.line)}${marker}/>`,
    );
    if (e.label)
      parts.push(
        `<text x="${(e.from.x + e.to.x) / 2}" y="${(e.from.y + e.to.y) / 2 - 4}" font-size="10" fill="#4d5666" text-anchor="middle">${esc(e.label)}</text>`,
      );
  }
  for (const n of nodes) {
    parts.push(shape(n));
    parts.push(
      `<text x="${n.x}" y="${n.y + n.size / 2 + 16}" font-size="12" fill="#1d2430" text-anchor="middle" paint-order="stroke" stroke="#ffffff" stroke-width="3">${esc(n.label)}</text>`,
    );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${minX} ${minY} ${maxX - minX} ${maxY - minY}" width="${Math.round(maxX - minX)}" height="${Math.round(maxY - minY)}" font-family="system-ui, sans-serif">${parts.join('')}</svg>`;
}
