import { describe, expect, it } from 'vitest';
import { axisTicks, forTarget, layoutTimeline, timeOf, type TimelineEvent } from './timeline';

const ev = (id: string, kind: TimelineEvent['kind'], date: string, actorIds: string[] = []): TimelineEvent => ({
  id,
  kind,
  date,
  title: id,
  actorIds,
});

describe('the campaign timeline', () => {
  const events = [
    ev('letter', 'action', '2026-09-01', ['mayor']),
    ev('rally', 'action', '2026-11-15', ['mayor', 'board']),
    ev('presented', 'status', '2026-09-02', ['mayor']),
    ev('mayor moved', 'move', '2026-11-16T10:00:00Z', ['mayor']),
    ev('budget vote', 'key_date', '2026-12-10', ['board']),
  ];

  it('puts later events further right, on one axis for every kind', () => {
    const layout = layoutTimeline(events, { width: 1000, now: new Date('2026-11-20T00:00:00Z') });
    const x = Object.fromEntries(layout.items.map((i) => [i.id, i.x]));
    expect(x.letter).toBeLessThan(x.presented!);
    expect(x.presented).toBeLessThan(x.rally!);
    expect(x.rally).toBeLessThan(x['mayor moved']!);
    expect(x['mayor moved']).toBeLessThan(x['budget vote']!);
    expect(layout.now).toBeGreaterThan(x['mayor moved']!);
    for (const i of layout.items) {
      expect(i.x).toBeGreaterThanOrEqual(130);
      expect(i.x).toBeLessThanOrEqual(1000);
    }
  });

  it('gives each kind its own lane, in a fixed order', () => {
    const layout = layoutTimeline(events, { width: 1000 });
    expect(layout.lanes.map((l) => l.label)).toEqual(['Key dates', 'Demand status', 'Actions', 'Who moved']);
    const laneOf = (id: string) => {
      const item = layout.items.find((i) => i.id === id)!;
      return layout.lanes.find((l) => item.y >= l.y && item.y < l.y + l.height)!.kind;
    };
    expect(laneOf('budget vote')).toBe('key_date');
    expect(laneOf('rally')).toBe('action');
    expect(laneOf('mayor moved')).toBe('move');
  });

  it('stacks events of one lane that would overlap, and keeps apart ones that would not', () => {
    const crowded = [
      ev('a', 'action', '2026-10-01'),
      ev('b', 'action', '2026-10-01'),
      ev('c', 'action', '2026-10-02'),
      ev('far', 'action', '2027-03-01'),
    ];
    const layout = layoutTimeline(crowded, { width: 900 });
    const rows = Object.fromEntries(layout.items.map((i) => [i.id, i.row]));
    expect(new Set([rows.a, rows.b, rows.c]).size).toBe(3);
    expect(rows.far).toBe(0);
    const actionLane = layout.lanes.find((l) => l.kind === 'action')!;
    const emptyLane = layout.lanes.find((l) => l.kind === 'status')!;
    expect(actionLane.height).toBeGreaterThan(emptyLane.height);
  });

  it('filters to the events about one target', () => {
    expect(forTarget(events, 'board').map((e) => e.id)).toEqual(['rally', 'budget vote']);
    expect(forTarget(events, null)).toHaveLength(events.length);
  });

  it('marks months across a long span and weeks across a short one', () => {
    const months = axisTicks(timeOf('2026-09-10'), timeOf('2026-12-20')).map((t) => t.label);
    expect(months).toEqual(['Oct', 'Nov', 'Dec']);
    expect(axisTicks(timeOf('2026-11-10'), timeOf('2027-02-20')).map((t) => t.label)).toEqual(['Dec', 'Jan 2027', 'Feb']);
    const weeks = axisTicks(timeOf('2026-11-02'), timeOf('2026-11-30'));
    expect(weeks.map((t) => t.label)).toEqual(['9 Nov', '16 Nov', '23 Nov', '30 Nov']);
  });

  it('draws an empty campaign around today instead of failing', () => {
    const layout = layoutTimeline([], { width: 800, now: new Date('2026-11-20T00:00:00Z') });
    expect(layout.items).toEqual([]);
    expect(layout.now).not.toBeNull();
    expect(layout.ticks.length).toBeGreaterThan(0);
  });
});

describe('a far-off date', () => {
  it('is left off the axis and counted, so the months that matter keep their width', () => {
    const spread = [ev('a', 'action', '2026-09-01'), ev('b', 'action', '2026-11-01'), ev('election', 'key_date', '2027-10-28')];
    const full = layoutTimeline(spread, { width: 1000 });
    const clipped = layoutTimeline(spread, { width: 1000, clipAfter: timeOf('2027-01-01') });
    expect(clipped.items.map((i) => i.id)).toEqual(['a', 'b']);
    expect(clipped.later).toBe(1);
    expect(full.later).toBe(0);
    const gap = (l: typeof full) => l.items.find((i) => i.id === 'b')!.x - l.items.find((i) => i.id === 'a')!.x;
    expect(gap(clipped)).toBeGreaterThan(2 * gap(full));
  });
});

describe('labelled lanes', () => {
  it('keeps labelled marks far enough apart for their labels, and bare ones close', () => {
    const two = [
      ev('a', 'action', '2026-10-01'),
      ev('b', 'action', '2026-10-04'),
      ev('m', 'move', '2026-10-01'),
      ev('n', 'move', '2026-10-04'),
    ];
    const layout = layoutTimeline(two, { width: 900, minGap: 10, labelWidth: { action: 400 } });
    const item = (id: string) => layout.items.find((i) => i.id === id)!;
    expect(item('a').row).not.toBe(item('b').row);
    expect([item('m').row, item('n').row]).toEqual([0, 0]);
    expect(item('m').labelSide).toBeNull();
  });

  it('puts a label near the right edge on the left of its mark, where it cannot overlap its row', () => {
    const edge = [ev('early', 'key_date', '2026-09-01'), ev('late', 'key_date', '2026-12-28'), ev('near', 'key_date', '2026-12-20')];
    const layout = layoutTimeline(edge, { width: 900, labelWidth: { key_date: 200 } });
    const item = (id: string) => layout.items.find((i) => i.id === id)!;
    expect(item('early').labelSide).toBe('right');
    expect(item('late').labelSide).toBe('left');
    expect(item('near').labelSide).toBe('left');
    // Two left labels eight days apart would overlap: they go on different rows.
    expect(item('late').row).not.toBe(item('near').row);
  });
});
