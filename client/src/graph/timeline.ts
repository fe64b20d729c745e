/**
 * A campaign's timeline as plain geometry: actions, demand status changes, assessment moves
 * and key dates placed on one time axis, one lane per kind, events that would overlap
 * stacked into rows. Free of React and the DOM so it is tested on its own.
 */

export const timelineKinds = ['key_date', 'status', 'action', 'move'] as const;
export type TimelineKind = (typeof timelineKinds)[number];

export const laneLabels: Record<TimelineKind, string> = {
  key_date: 'Key dates',
  status: 'Demand status',
  action: 'Actions',
  move: 'Who moved',
};

export interface TimelineEvent {
  id: string;
  kind: TimelineKind;
  /** A day (YYYY-MM-DD) or a timestamp. */
  date: string;
  title: string;
  detail?: string;
  /** The actors the event is about: whom an action aims at, who moved, whom a demand targets. */
  actorIds: string[];
  /** An action's escalation (1…5). */
  level?: number;
  /** A move's direction on alignment: towards us, away, or power only. */
  direction?: 'towards' | 'away' | 'power';
}

export interface PlacedEvent extends TimelineEvent {
  x: number;
  y: number;
  row: number;
  /** Which side of the mark its label goes (the left near the chart's right edge); null: no label. */
  labelSide: 'left' | 'right' | null;
}

export interface TimelineLayout {
  width: number;
  height: number;
  start: number;
  end: number;
  ticks: { x: number; label: string; major: boolean }[];
  lanes: { kind: TimelineKind; label: string; y: number; height: number }[];
  items: PlacedEvent[];
  /** Where today falls, when it is inside the axis. */
  now: number | null;
  /** Events left off after clipAfter. */
  later: number;
}

export interface LayoutOptions {
  width: number;
  /** Left margin for the lane labels. */
  gutter?: number;
  rowHeight?: number;
  /** Closest two unlabelled marks of a lane may sit in one row, in pixels. */
  minGap?: number;
  /** Room for the label beside each mark, per kind (none: the mark stands alone). */
  labelWidth?: Partial<Record<TimelineKind, number>>;
  axisHeight?: number;
  now?: Date;
  /** Events after this time are left off the axis (and counted), so one far-off date does not squeeze the rest. */
  clipAfter?: number;
}

const DAY = 86_400_000;
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Milliseconds of a day or timestamp; a bare day counts from its noon (UTC) so it never slips a day. */
export function timeOf(date: string): number {
  return date.length === 10 ? Date.parse(`${date}T12:00:00Z`) : Date.parse(date);
}

/** The events about one actor; null keeps them all. */
export function forTarget(events: TimelineEvent[], actorId: string | null): TimelineEvent[] {
  return actorId ? events.filter((e) => e.actorIds.includes(actorId)) : events;
}

/** Month starts (UTC) across the span, or Mondays when the span is under seven weeks. */
export function axisTicks(start: number, end: number): { at: number; label: string; major: boolean }[] {
  const out: { at: number; label: string; major: boolean }[] = [];
  if (end - start < 49 * DAY) {
    const d = new Date(start);
    d.setUTCHours(0, 0, 0, 0);
    d.setUTCDate(d.getUTCDate() + ((8 - d.getUTCDay()) % 7));
    if (d.getTime() < start) d.setUTCDate(d.getUTCDate() + 7);
    for (; d.getTime() <= end; d.setUTCDate(d.getUTCDate() + 7)) {
      out.push({ at: d.getTime(), label: `${d.getUTCDate()} ${months[d.getUTCMonth()]}`, major: d.getUTCDate() <= 7 });
    }
    return out;
  }
  const d = new Date(start);
  d.setUTCHours(0, 0, 0, 0);
  d.setUTCDate(1);
  if (d.getTime() < start) d.setUTCMonth(d.getUTCMonth() + 1);
  for (; d.getTime() <= end; d.setUTCMonth(d.getUTCMonth() + 1)) {
    const m = d.getUTCMonth();
    out.push({ at: d.getTime(), label: m === 0 ? `${months[m]} ${d.getUTCFullYear()}` : months[m]!, major: m === 0 });
  }
  return out;
}

export function layoutTimeline(events: TimelineEvent[], options: LayoutOptions): TimelineLayout {
  const { width, gutter = 130, rowHeight = 26, minGap = 22, axisHeight = 28, labelWidth = {} } = options;
  const now = (options.now ?? new Date()).getTime();
  const all = events.filter((e) => Number.isFinite(timeOf(e.date)));
  const drawn = options.clipAfter === undefined ? all : all.filter((e) => timeOf(e.date) <= options.clipAfter!);
  events = drawn;
  const times = events.map((e) => timeOf(e.date));
  let start = times.length ? Math.min(...times) : now - 30 * DAY;
  let end = times.length ? Math.max(...times) : now + 30 * DAY;
  // A margin on both ends so the first and last marks are not cut by the edge.
  const pad = Math.max(3 * DAY, (end - start) * 0.03);
  start -= pad;
  end += pad;
  const inner = Math.max(1, width - gutter - 16);
  const xOf = (t: number) => gutter + ((t - start) / (end - start)) * inner;

  const lanes: TimelineLayout['lanes'] = [];
  const items: PlacedEvent[] = [];
  let y = axisHeight;
  for (const kind of timelineKinds) {
    const lane = events
      .filter((e) => e.kind === kind && Number.isFinite(timeOf(e.date)))
      .sort((a, b) => timeOf(a.date) - timeOf(b.date) || a.id.localeCompare(b.id));
    const w = labelWidth[kind] ?? 0;
    // Each mark takes a span of the row: itself, and its label on the side that stays inside the chart.
    const spans = lane.map((e) => {
      const x = xOf(timeOf(e.date));
      if (!w) return { e, x, from: x - minGap / 2, to: x + minGap / 2, labelSide: null };
      const labelSide = x + 10 + w > width ? ('left' as const) : ('right' as const);
      return labelSide === 'right' ? { e, x, from: x - 8, to: x + 10 + w, labelSide } : { e, x, from: x - 10 - w, to: x + 8, labelSide };
    });
    spans.sort((a, b) => a.from - b.from);
    const rowEnds: number[] = [];
    const placed = spans.map(({ e, x, from, to, labelSide }) => {
      let row = rowEnds.findIndex((end) => from >= end);
      if (row === -1) row = rowEnds.length;
      rowEnds[row] = to;
      return { ...e, x, row, labelSide };
    });
    const rows = Math.max(1, rowEnds.length);
    const height = rows * rowHeight + 12;
    for (const p of placed) items.push({ ...p, y: y + 6 + p.row * rowHeight + rowHeight / 2 });
    lanes.push({ kind, label: laneLabels[kind], y, height });
    y += height;
  }
  return {
    width,
    height: y + 4,
    start,
    end,
    ticks: axisTicks(start, end).map((t) => ({ x: xOf(t.at), label: t.label, major: t.major })),
    lanes,
    items,
    now: now >= start && now <= end ? xOf(now) : null,
    later: all.length - drawn.length,
  };
}
