/**
 * The arithmetic the ownership engine runs on. Answers use floating point; the tests run
 * the same code on exact fractions, so a worked example's 2/3 is checked as 2/3.
 */
export interface Field<T> {
  zero: T;
  one: T;
  /** A stated percentage (0–100) as a share (0–1). */
  percent(p: number): T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
  compare(a: T, b: T): number;
  toNumber(a: T): number;
}

export const numberField: Field<number> = {
  zero: 0,
  one: 1,
  percent: (p) => p / 100,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  // Rounding noise from a solve must not turn "exactly 50 %" into "more than 50 %".
  compare: (a, b) => (Math.abs(a - b) <= 1e-12 ? 0 : a < b ? -1 : 1),
  toNumber: (a) => a,
};

export const fmin = <T>(F: Field<T>, a: T, b: T): T => (F.compare(a, b) <= 0 ? a : b);
export const fmax = <T>(F: Field<T>, a: T, b: T): T => (F.compare(a, b) >= 0 ? a : b);
export const clamp01 = <T>(F: Field<T>, a: T): T => fmin(F, fmax(F, a, F.zero), F.one);
