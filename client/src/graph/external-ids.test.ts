import { describe, expect, it } from 'vitest';
import { externalLinks } from './external-ids';

describe('externalLinks', () => {
  it('links the registries researchers use, and keeps unknown ids as text', () => {
    const links = externalLinks({
      bioguide: 'C000567',
      wikipedia: 'Thad Cochran',
      opencorporates: 'us_de/123',
      littlesis: '13503',
      house_office: 'B-12',
    });
    const by = Object.fromEntries(links.map((l) => [l.key, l]));
    expect(by.bioguide!.url).toBe('https://bioguide.congress.gov/search/bio/C000567');
    expect(by.wikipedia!.url).toBe('https://en.wikipedia.org/wiki/Thad_Cochran');
    expect(by.opencorporates!.url).toBe('https://opencorporates.com/companies/us_de/123');
    expect(by.littlesis!.url).toBe('https://littlesis.org/entities/13503');
    expect(by.house_office).toMatchObject({ label: 'house office', url: null });
    expect(links.at(-1)!.key).toBe('house_office');
  });
});
