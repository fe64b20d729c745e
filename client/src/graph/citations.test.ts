import { describe, expect, it } from 'vitest';
import { Citations } from './citations';

const minutes = {
  id: 's1',
  url: 'https://example.org/minutes',
  title: 'Board minutes',
  publisher: 'School district',
  publishedAt: '2026-08-24',
};

describe('citations in a brief', () => {
  it('numbers each source once, in the order first cited', () => {
    const c = new Citations();
    expect(c.reading('Organisers’ notes')).toBe(1);
    expect(c.source(minutes)).toBe(2);
    expect(c.source(minutes)).toBe(2);
    expect(c.reading('  Organisers’ notes ')).toBe(1);
    expect(c.items).toEqual([
      { n: 1, url: null, title: 'Organisers’ notes', detail: 'assessment source' },
      { n: 2, url: 'https://example.org/minutes', title: 'Board minutes', detail: 'School district, 2026-08-24' },
    ]);
  });

  it('links a reading whose source is a web address, and titles an untitled source by its address', () => {
    const c = new Citations();
    c.reading('https://example.org/vote');
    c.source({ ...minutes, id: 's2', title: null, publisher: null, publishedAt: null });
    expect(c.items.map((i) => [i.url, i.title, i.detail])).toEqual([
      ['https://example.org/vote', 'https://example.org/vote', 'assessment source'],
      ['https://example.org/minutes', 'https://example.org/minutes', null],
    ]);
  });
});
