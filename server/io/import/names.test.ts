import { describe, expect, it } from 'vitest';
import { nameKey, similarity } from './names.js';

describe('name keys', () => {
  it('reads spellings of one organisation as one name', () => {
    const key = nameKey('Meridian Health');
    for (const spelling of ['Meridian Health, Inc.', 'MERIDIAN HEALTH LLC', 'The Meridian Health Corp.', 'meridian  health l.l.c.']) {
      expect(nameKey(spelling), spelling).toBe(key);
    }
    expect(nameKey('Société Générale S.A.')).toBe('societe generale');
    expect(nameKey('Verein für Arbeit e.V.')).toBe('verein fur arbeit');
    expect(nameKey('Smith & Sons')).toBe(nameKey('Smith and Sons'));
  });

  it('keeps a name that is only a legal form', () => {
    expect(nameKey('Inc.')).toBe('inc');
  });

  it('scores close spellings higher than different names', () => {
    expect(similarity(nameKey('Meridian Healthcare'), nameKey('Meridian Health'))).toBeGreaterThan(0.7);
    expect(similarity(nameKey('Ana Rivera'), nameKey('Bob Jones'))).toBeLessThan(0.5);
  });
});
