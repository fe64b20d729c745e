import { describe, expect, it } from 'vitest';
import { networkSvg } from './svg';

describe('networkSvg', () => {
  it('draws each actor in its shape with an escaped label, and arrows on directed ties only', () => {
    const mayor = {
      x: 0,
      y: 0,
      size: 40,
      shape: 'triangle' as const,
      color: '#f7f7f7',
      label: 'Mayor <Rivera>',
      bad: false,
      unassessed: false,
    };
    const chamber = {
      x: 200,
      y: 0,
      size: 30,
      shape: 'rectangle' as const,
      color: '#ef8a62',
      label: 'Chamber & Co',
      bad: true,
      unassessed: false,
    };
    const svg = networkSvg(
      [mayor, chamber],
      [
        { from: chamber, to: mayor, color: '#1b7837', line: 'solid', width: 2, directed: true, label: 'Donation' },
        { from: mayor, to: chamber, color: '#b2182b', line: 'dashed', width: 2, directed: false, label: null },
      ],
    );
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('<polygon');
    expect(svg).toContain('stroke="#111111" stroke-width="5"');
    expect(svg).toContain('Mayor &lt;Rivera&gt;');
    expect(svg).toContain('Chamber &amp; Co');
    expect(svg.match(/marker-end=/g)).toHaveLength(1);
    expect(svg).toContain('stroke-dasharray="8 4"');
  });
});
