import { describe, expect, it } from 'vitest';
import { SignInThrottle } from './sign-in-throttle.js';

describe('the wait after failed sign-ins', () => {
  const clock = () => {
    let now = 1_000_000;
    return { now: () => now, advance: (ms: number) => (now += ms) };
  };

  it('lets five failures pass, then doubles the wait with each further one, up to the cap', () => {
    const time = clock();
    const throttle = new SignInThrottle({}, time.now);
    const waits: number[] = [];
    for (let i = 0; i < 18; i++) {
      throttle.failed('ada@example.org');
      waits.push(throttle.waitSeconds('ada@example.org'));
      // The next guess comes once the wait is over, as a patient guesser's would.
      time.advance(throttle.waitSeconds('ada@example.org') * 1000);
    }
    // A patient guesser who waits out every delay does not start over: 15 minutes a try.
    expect(waits).toEqual([0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900]);
  });

  it('forgets failures after a quiet quarter hour, and all of them on a successful sign-in', () => {
    const time = clock();
    const throttle = new SignInThrottle({}, time.now);
    for (let i = 0; i < 6; i++) throttle.failed('bo@example.org');
    time.advance(1000 + 15 * 60_000 + 1);
    throttle.failed('bo@example.org');
    expect(throttle.waitSeconds('bo@example.org')).toBe(0);
    for (let i = 0; i < 5; i++) throttle.failed('bo@example.org');
    expect(throttle.waitSeconds('bo@example.org')).toBeGreaterThan(0);
    throttle.succeeded('bo@example.org');
    expect(throttle.waitSeconds('bo@example.org')).toBe(0);
  });

  it('keeps other emails apart and remembers a bounded number of them', () => {
    const time = clock();
    const throttle = new SignInThrottle({ maxEntries: 3, freeFailures: 0 }, time.now);
    throttle.failed('victim@example.org');
    expect(throttle.waitSeconds('other@example.org')).toBe(0);
    for (const n of [1, 2, 3]) throttle.failed(`spray${n}@example.org`);
    // The least recently failed is forgotten first.
    expect(throttle.waitSeconds('victim@example.org')).toBe(0);
    expect(throttle.waitSeconds('spray3@example.org')).toBe(1);
  });
});
