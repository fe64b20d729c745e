import { describe, expect, it } from 'vitest';
import { restartDelay } from './local.js';

describe('the wait before the local database is started again', () => {
  const policy = { firstDelayMs: 1_000, maxDelayMs: 30_000 };

  it('doubles with each restart in a row, up to the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => restartDelay(n, policy))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  });

  it('never overflows into a useless wait after many restarts', () => {
    expect(restartDelay(2_000, policy)).toBe(30_000);
  });
});
