import { describe, expect, it } from 'vitest';
import { readAddress, writeAddress } from './map-address';

describe('the map address', () => {
  it('reads back the view, the selection and where the camera was', () => {
    const search = writeAddress('', {
      view: 'network',
      selection: { actors: ['a1', 'b2'], relationships: ['t9'] },
      centre: { x: 120.4, y: -33.6, zoom: 1.23456 },
    });
    expect(search).toBe('?sel=a1,b2&selTies=t9&at=120,-34,1.235');
    expect(readAddress(search)).toEqual({
      selection: { actors: ['a1', 'b2'], relationships: ['t9'] },
      centre: { x: 120, y: -34, zoom: 1.235 },
    });
  });

  it('names the grid and the table, and keeps the camera only for the network', () => {
    const search = writeAddress('', { view: 'grid', centre: { x: 1, y: 2, zoom: 1 } });
    expect(search).toBe('?view=grid');
    expect(readAddress(search)).toEqual({ view: 'grid' });
  });

  it('keeps the other parameters of the address, such as a highlighted path', () => {
    const search = writeAddress('?hl=Route&view=table&sel=old', { view: 'table' });
    expect(new URLSearchParams(search).get('hl')).toBe('Route');
    expect(readAddress(search)).toEqual({ view: 'table' });
    expect(writeAddress('?view=grid', {})).toBe('');
  });

  it('ignores what it cannot use in a hand-edited or hostile link', () => {
    expect(readAddress('?view=timeline&sel=<script>,ok-1&at=1,2')).toEqual({ selection: { actors: ['ok-1'], relationships: [] } });
    expect(readAddress('?at=1,2,0')).toEqual({});
    expect(readAddress('?at=NaN,2,1')).toEqual({});
    const many = Array.from({ length: 500 }, (_, i) => `a${i}`).join(',');
    expect(readAddress(`?sel=${many}`).selection!.actors).toHaveLength(100);
  });
});
