import { alignmentColors, alignmentLabels, UNKNOWN_COLOR } from './visual';

/** What an exported picture says about itself: what it shows, when, and whose it is. */
export interface ExportCaption {
  title: string;
  /** e.g. "Power grid · 2 December 2026 · Hospital campaign" */
  subtitle: string;
  /** The network's lines in use, each with its colour and pattern. */
  lines?: { label: string; color: string; line: 'solid' | 'dashed' | 'dotted' }[];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const FONT = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif"';
const HEAD = 64;
const ROW = 22;

export const exportDate = (at = new Date()) => at.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

/** The legend's entries: the shapes, the alignment colours, then any lines. */
function legend(caption: ExportCaption, width: number): { svg: string; height: number } {
  const items: { mark: string; label: string; w: number }[] = [
    { mark: '<polygon points="8,1 15,15 1,15" fill="#fff" stroke="#4b5563"/>', label: 'Decision-maker', w: 130 },
    { mark: '<rect x="1" y="3" width="14" height="10" fill="#fff" stroke="#4b5563"/>', label: 'Organised group', w: 140 },
    { mark: '<circle cx="8" cy="8" r="6.5" fill="#fff" stroke="#4b5563"/>', label: 'Other actor', w: 110 },
    { mark: '<circle cx="8" cy="8" r="5.5" fill="#fff" stroke="#111" stroke-width="3"/>', label: 'Bad actor', w: 100 },
    ...[-3, -2, -1, 0, 1, 2, 3].map((a) => ({
      mark: `<rect x="1" y="2" width="14" height="12" fill="${alignmentColors[a]}" stroke="#4b5563" stroke-width="0.5"/>`,
      label: alignmentLabels[a]!,
      w: 150,
    })),
    {
      mark: `<rect x="1" y="2" width="14" height="12" fill="${UNKNOWN_COLOR}" stroke="#4b5563" stroke-dasharray="2 2"/>`,
      label: 'Not assessed',
      w: 120,
    },
    ...(caption.lines ?? []).map((l) => ({
      mark: `<line x1="0" y1="8" x2="16" y2="8" stroke="${l.color}" stroke-width="2.5"${l.line === 'dashed' ? ' stroke-dasharray="6 3"' : l.line === 'dotted' ? ' stroke-dasharray="2 3"' : ''}/>`,
      label: l.label,
      w: Math.max(110, 30 + l.label.length * 7),
    })),
  ];
  const parts: string[] = [];
  let x = 16;
  let y = 12;
  for (const item of items) {
    if (x + item.w > width - 16 && x > 16) {
      x = 16;
      y += ROW;
    }
    parts.push(
      `<g transform="translate(${x},${y})">${item.mark}<text x="22" y="12.5" font-size="12" fill="#1d2430">${esc(item.label)}</text></g>`,
    );
    x += item.w;
  }
  return { svg: parts.join(''), height: y + ROW + 8 };
}

/**
 * Sets a drawn picture (a whole SVG document) in a frame fit for a slide or a report: the
 * title and subtitle above, the legend below, on white. The picture itself is kept as drawn.
 */
export function framedSvg(picture: string, size: { width: number; height: number }, caption: ExportCaption): string {
  const width = Math.max(size.width, 640);
  const key = legend(caption, width);
  const height = HEAD + size.height + key.height;
  const inner = picture.replace(/^<\?xml[^>]*>\s*/, '');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT}>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="16" y="30" font-size="20" font-weight="600" fill="#1d2430">${esc(caption.title)}</text>`,
    `<text x="16" y="50" font-size="13" fill="#5b6475">${esc(caption.subtitle)}</text>`,
    // The picture as drawn, placed under the title: its own viewBox (if any) keeps its scale.
    inner.replace(/^<svg\b[^>]*>/, (open) =>
      open
        .replace(/\s(width|height|x|y)="[^"]*"/g, '')
        .replace(/^<svg/, `<svg x="${(width - size.width) / 2}" y="${HEAD}" width="${size.width}" height="${size.height}"`),
    ),
    `<g transform="translate(0,${HEAD + size.height})"><line x1="16" x2="${width - 16}" y1="0" y2="0" stroke="#d9dde4"/>${key.svg}</g>`,
    '</svg>',
  ].join('');
}

/** Renders SVG markup to a PNG at twice its size (crisp on slides). */
export function svgTextToPng(text: string, size: { width: number; height: number }): Promise<Blob | null> {
  return new Promise((resolve) => {
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = size.width * 2;
      canvas.height = size.height * 2;
      const ctx = canvas.getContext('2d');
      if (!ctx) return resolve(null);
      ctx.scale(2, 2);
      ctx.drawImage(img, 0, 0);
      canvas.toBlob((b) => resolve(b), 'image/png');
    };
    img.onerror = () => resolve(null);
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  });
}

/** The outer size a framed SVG declares. */
export function svgSize(svg: string): { width: number; height: number } {
  const open = /^<svg\b[^>]*>/.exec(svg.replace(/^<\?xml[^>]*>\s*/, ''))?.[0] ?? '';
  const num = (name: string) => Number(new RegExp(`\\s${name}="([0-9.]+)"`).exec(open)?.[1] ?? 0);
  return { width: num('width'), height: num('height') };
}
