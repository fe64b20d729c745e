import Fraction from 'fraction.js';
import type { Field } from './field.js';

/** Exact rational arithmetic, for checking worked examples figure for figure. */
export const fractionField: Field<Fraction> = {
  zero: new Fraction(0),
  one: new Fraction(1),
  percent: (p) => new Fraction(p).div(100),
  add: (a, b) => a.add(b),
  sub: (a, b) => a.sub(b),
  mul: (a, b) => a.mul(b),
  div: (a, b) => a.div(b),
  compare: (a, b) => a.compare(b),
  toNumber: (a) => a.valueOf(),
};
