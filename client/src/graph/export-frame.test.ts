import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { framedSvg, svgSize } from './export-frame';
import { networkSvg } from './svg';

const picture = networkSvg(
  [
    { x: 0, y: 0, size: 30, shape: 'triangle', color: '#2166ac', label: 'Mayor Rivera', bad: false, unassessed: false },
    { x: 300, y: 100, size: 30, shape: 'ellipse', color: '#b2182b', label: 'Harbor & Sons <LLC>', bad: true, unassessed: false },
  ],
  [],
);

/** Parses the SVG as XML (throwing on anything malformed): its texts, and each legend entry's x. */
function read(svg: string) {
  const parser = new SaxesParser();
  const texts: string[] = [];
  const xs: number[] = [];
  let inText = false;
  parser.on('opentag', (tag) => {
    inText = tag.name === 'text';
    if (inText) texts.push('');
    const moved = tag.name === 'g' ? /^translate\(([0-9.]+),/.exec(String(tag.attributes.transform ?? '')) : null;
    if (moved && moved[1] !== '0') xs.push(Number(moved[1]));
  });
  parser.on('text', (t) => {
    if (inText) texts[texts.length - 1] += t;
  });
  parser.on('closetag', () => {
    inText = false;
  });
  parser.write(svg).close();
  return { texts, xs };
}

describe('an exported picture', () => {
  it('carries its title, its date and owner, and a legend of shapes and colours', () => {
    const svg = framedSvg(picture, svgSize(picture), {
      title: 'Who decides on rent',
      subtitle: 'Network · 2 December 2026 · Housing campaign',
      lines: [{ label: 'Money', color: '#2f855a', line: 'solid' }],
    });
    const { texts } = read(svg);
    expect(texts).toContain('Who decides on rent');
    expect(texts).toContain('Network · 2 December 2026 · Housing campaign');
    for (const entry of ['Decision-maker', 'Bad actor', 'Die-hard opposed', 'Die-hard with us', 'Not assessed', 'Money'])
      expect(texts).toContain(entry);
    // The picture is inside, names escaped and all.
    expect(texts).toContain('Harbor & Sons <LLC>');
  });

  it('is taller than the picture by the title and the legend, and never narrower than a slide', () => {
    const size = svgSize(picture);
    const framed = svgSize(framedSvg(picture, size, { title: 'T', subtitle: 'S' }));
    expect(framed.width).toBe(Math.max(size.width, 640));
    expect(framed.height).toBeGreaterThan(size.height + 64);
  });

  it('wraps a long legend onto more rows instead of running off the edge', () => {
    const lines = Array.from({ length: 12 }, (_, i) => ({ label: `Tie type ${i}`, color: '#333', line: 'solid' as const }));
    const { xs } = read(framedSvg(picture, { width: 640, height: 200 }, { title: 'T', subtitle: 'S', lines }));
    expect(xs.length).toBeGreaterThan(20);
    // Each entry starts inside the frame, leaving room for its mark and label.
    expect(Math.max(...xs)).toBeLessThan(640 - 100);
  });
});
