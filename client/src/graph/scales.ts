import { ALIGNMENT_MAX, ALIGNMENT_MIN, POWER_MAX, POWER_MIN } from '../api/domain';

const range = (from: number, to: number) => Array.from({ length: Math.abs(to - from) + 1 }, (_, i) => (from <= to ? from + i : from - i));

/** Power readings, strongest first (as the selects and the grid's rows list them). */
export const powerScale = range(POWER_MAX, POWER_MIN);
/** Alignment readings from most with us to most against (the selects). */
export const alignmentScale = range(ALIGNMENT_MAX, ALIGNMENT_MIN);
/** Alignment readings left to right, against to with us (the grid's columns, the legend). */
export const alignmentAxis = range(ALIGNMENT_MIN, ALIGNMENT_MAX);

export const clampPower = (p: number) => Math.min(POWER_MAX, Math.max(POWER_MIN, p));
export const clampAlignment = (a: number) => Math.min(ALIGNMENT_MAX, Math.max(ALIGNMENT_MIN, a));
/** How a reading of alignment is written: +2, 0, −1. */
export const signed = (a: number) => (a > 0 ? `+${a}` : String(a));
