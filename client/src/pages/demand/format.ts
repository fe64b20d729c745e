import { alignmentLabels, powerLabels } from '../../graph/visual';
import { signed } from '../../graph/scales';

/** An enum value as people read it: partly_won → partly won. */
export const label = (s: string) => s.replace(/_/g, ' ');

/** A calendar day (YYYY-MM-DD, or the day of a timestamp) in the reader's locale. */
export function day(d: string): string {
  const at = d.length === 10 ? new Date(`${d}T12:00:00Z`) : new Date(d);
  return at.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}

export const today = () => new Date().toISOString().slice(0, 10);

export const powerText = (p: number | null | undefined) => (p === null || p === undefined ? 'not assessed' : `${p} · ${powerLabels[p]}`);
export const alignmentText = (a: number | null | undefined) =>
  a === null || a === undefined ? 'not assessed' : `${signed(a)} · ${alignmentLabels[a]}`;

/** Organisers' escalation ladder, 1 to 5. */
export const escalationLabels: Record<number, string> = {
  1: 'Ask',
  2: 'Press',
  3: 'Public pressure',
  4: 'Disruption',
  5: 'Boldest',
};
