import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { User } from '../../api/domain';
import { endpoints } from '../../api/endpoints';
import { errorText, useActors, useDemands, useWorkspace } from '../../api/queries';
import { Header } from '../../components/Header';
import { Link } from '../../components/Link';
import { useLiveUpdates } from '../../editor/useLiveUpdates';
import { actionEvents, demandActorIds, keyDateEvents, moveEvents, statusEvents } from '../../graph/campaign-events';
import { forTarget, layoutTimeline, timeOf, type PlacedEvent, type TimelineEvent } from '../../graph/timeline';
import { navigate, paths } from '../../router';
import { day } from './format';
import './demand.css';

const kindLabels: Record<TimelineEvent['kind'], string> = {
  action: 'Action',
  status: 'Status',
  move: 'Moved',
  key_date: 'Key date',
};

/** Actions, status changes, who moved and key dates on one time axis, for the campaign or one demand. */
export function TimelinePage({ user, ws, demandId, target }: { user: User; ws: string; demandId?: string; target?: string }) {
  const workspace = useWorkspace(ws);
  const demands = useDemands(ws);
  const actors = useActors(ws);
  useLiveUpdates(ws, user.id);
  const actions = useQuery({
    queryKey: ['ws', ws, 'timeline', 'actions', demandId ?? ''],
    queryFn: async () => (await endpoints.actions(ws, demandId ? { demand: demandId } : {})).items,
  });
  const dates = useQuery({
    queryKey: ['ws', ws, 'timeline', 'key-dates', demandId ?? ''],
    queryFn: async () => (await endpoints.keyDates(ws, demandId ? { demand: demandId } : {})).items,
  });
  const moves = useQuery({
    queryKey: ['ws', ws, 'timeline', 'moves'],
    queryFn: async () => {
      const range = await endpoints.assessmentRange(ws);
      if (!range.earliest) return [];
      return (await endpoints.assessmentChanges(ws, range.earliest)).items;
    },
  });

  const demand = demandId ? demands.data?.find((d) => d.id === demandId) : undefined;
  const scoped = useMemo(
    () => (demandId ? (demands.data ?? []).filter((d) => d.id === demandId) : (demands.data ?? [])),
    [demands.data, demandId],
  );
  const events = useMemo(() => {
    const aimedAt = demand ? new Set(demandActorIds(demand)) : null;
    const moved = moveEvents(moves.data ?? []).filter((e) => !aimedAt || e.actorIds.some((a) => aimedAt.has(a)));
    return [...statusEvents(scoped), ...actionEvents(actions.data ?? []), ...keyDateEvents(dates.data ?? [], scoped), ...moved];
  }, [scoped, demand, actions.data, dates.data, moves.data]);

  const names = new Map((actors.data ?? []).map((a) => [a.id, a.name]));
  const involved = [...new Set(events.flatMap((e) => e.actorIds))]
    .filter((id) => names.has(id))
    .sort((a, b) => names.get(a)!.localeCompare(names.get(b)!));
  const shown = forTarget(events, target ?? null);
  const loading = demands.isPending || actions.isPending || dates.isPending || moves.isPending;
  const failed = [demands, actions, dates, moves].find((q) => q.isError)?.error;

  return (
    <div className="frame">
      <Header
        user={user}
        crumbs={
          <>
            <Link to="/">Workspaces</Link>
            <span aria-hidden="true">/</span>
            <Link to={paths.workspace(ws, 'demands')}>{workspace.data?.name ?? '…'}</Link>
            {demand && (
              <>
                <span aria-hidden="true">/</span>
                <Link to={paths.demand(ws, demand.id)}>{demand.title}</Link>
              </>
            )}
            <span aria-hidden="true">/</span>
            <span>Timeline</span>
          </>
        }
      />
      <main className="page timeline-page">
        <div className="page-head">
          <div>
            <p className="eyebrow">Timeline</p>
            <h1>{demand ? demand.title : 'The campaign over time'}</h1>
            <p className="muted">What we did, how the demand stood, who moved and the dates that put pressure on them, on one time axis.</p>
          </div>
          <div className="timeline-controls">
            <label className="field-inline">
              <span>Demand</span>
              <select
                value={demandId ?? ''}
                onChange={(e) => navigate(paths.timeline(ws, { demand: e.target.value || undefined, target }), true)}
              >
                <option value="">All demands</option>
                {(demands.data ?? []).map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.title}
                  </option>
                ))}
              </select>
            </label>
            <label className="field-inline">
              <span>Target</span>
              <select
                value={target ?? ''}
                onChange={(e) => navigate(paths.timeline(ws, { demand: demandId, target: e.target.value || undefined }), true)}
              >
                <option value="">Everyone</option>
                {involved.map((id) => (
                  <option key={id} value={id}>
                    {names.get(id)}
                  </option>
                ))}
              </select>
            </label>
          </div>
        </div>
        {failed && (
          <div className="alert alert-error" role="alert">
            Could not load the timeline: {errorText(failed)}
          </div>
        )}
        {loading && <p className="page-status">Loading the timeline…</p>}
        {!loading && (
          <>
            <section className="card timeline-card">
              <TimelineChart events={shown} />
              <TimelineKey />
            </section>
            <section className="card">
              <h2>
                {shown.length} event{shown.length === 1 ? '' : 's'}
                {target && names.has(target) ? ` about ${names.get(target)}` : ''}
              </h2>
              <EventList events={shown} />
            </section>
          </>
        )}
      </main>
    </div>
  );
}

function TimelineChart({ events }: { events: TimelineEvent[] }) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(1100);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(480, Math.floor(el.clientWidth)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  // The axis runs a couple of months past today or the last thing done; dates further off are listed below it.
  const clipAfter = useMemo(() => {
    const done = events.filter((e) => e.kind !== 'key_date').map((e) => timeOf(e.date));
    return Math.max(Date.now(), ...done) + 75 * 86_400_000;
  }, [events]);
  const layout = useMemo(() => layoutTimeline(events, { width, clipAfter, minGap: 16, labelWidth }), [events, width, clipAfter]);
  return (
    <div ref={box} className="timeline-box">
      <svg
        width={layout.width}
        height={layout.height}
        role="img"
        aria-label={`Timeline of ${events.length} events`}
        className="timeline-svg"
      >
        {layout.lanes.map((l, i) => (
          <g key={l.kind}>
            <rect x={0} y={l.y} width={layout.width} height={l.height} className={i % 2 ? 'lane lane-odd' : 'lane'} />
            <text x={8} y={l.y + 20} className="lane-label">
              {l.label}
            </text>
          </g>
        ))}
        {layout.ticks.map((t) => (
          <g key={t.x}>
            <line x1={t.x} x2={t.x} y1={18} y2={layout.height} className={t.major ? 'tick tick-major' : 'tick'} />
            <text x={t.x + 3} y={14} className="tick-label">
              {t.label}
            </text>
          </g>
        ))}
        {layout.now !== null && (
          <g>
            <line x1={layout.now} x2={layout.now} y1={18} y2={layout.height} className="now-line" />
            <text x={layout.now - 3} y={layout.height - 4} textAnchor="end" className="now-label">
              today
            </text>
          </g>
        )}
        {layout.items.map((e) => (
          <Mark key={e.id} e={e} />
        ))}
      </svg>
      {layout.later > 0 && (
        <p className="muted small timeline-later">
          {layout.later} later event{layout.later === 1 ? '' : 's'} beyond the axis: see the list below.
        </p>
      )}
    </div>
  );
}

/** About how wide a character of the 11px label font is, to keep labels inside the chart. */
const CHAR = 6.3;
const labelWidth = { action: 34 * CHAR, key_date: 34 * CHAR, status: 38 * CHAR };
const short = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function Mark({ e }: { e: PlacedEvent }) {
  const tip = `${day(e.date)} · ${e.title}${e.detail ? ` — ${e.detail}` : ''}`;
  const text = (n: number) => {
    const words = short(e.title, n);
    const left = e.labelSide === 'left';
    return (
      <text x={left ? e.x - 10 : e.x + 10} y={e.y + 4} textAnchor={left ? 'end' : 'start'} className="mark-label">
        {words}
      </text>
    );
  };
  if (e.kind === 'action') {
    return (
      <g className={`mark mark-action escalation-fill-${e.level ?? 1}`}>
        <title>{tip}</title>
        <circle cx={e.x} cy={e.y} r={4 + (e.level ?? 1)} />
        {text(34)}
      </g>
    );
  }
  if (e.kind === 'key_date') {
    return (
      <g className="mark mark-key">
        <title>{tip}</title>
        <path d={`M${e.x} ${e.y - 7} L${e.x + 7} ${e.y} L${e.x} ${e.y + 7} L${e.x - 7} ${e.y} Z`} />
        {text(34)}
      </g>
    );
  }
  if (e.kind === 'status') {
    return (
      <g className="mark mark-status">
        <title>{tip}</title>
        <path d={`M${e.x} ${e.y + 8} L${e.x} ${e.y - 8} L${e.x + 9} ${e.y - 5} L${e.x} ${e.y - 2}`} />
        {text(36)}
      </g>
    );
  }
  const up = e.direction === 'towards';
  const down = e.direction === 'away';
  return (
    <g className={`mark mark-move move-${e.direction ?? 'power'}`}>
      <title>{tip}</title>
      {up || down ? (
        <path
          d={
            up
              ? `M${e.x} ${e.y - 6} L${e.x + 6} ${e.y + 5} L${e.x - 6} ${e.y + 5} Z`
              : `M${e.x} ${e.y + 6} L${e.x + 6} ${e.y - 5} L${e.x - 6} ${e.y - 5} Z`
          }
        />
      ) : (
        <circle cx={e.x} cy={e.y} r={4} />
      )}
    </g>
  );
}

function TimelineKey() {
  return (
    <ul className="timeline-key" aria-label="Key to the timeline">
      <li>
        <span className="key-dot escalation-fill-1" /> <span className="key-dot key-big escalation-fill-5" /> Action, larger and redder as
        it escalates
      </li>
      <li>
        <span className="key-move move-towards">▲</span> moved towards us <span className="key-move move-away">▼</span> moved away{' '}
        <span className="key-move move-power">●</span> power changed
      </li>
      <li>
        <span className="key-diamond">◆</span> Key date
      </li>
      <li>
        <span className="key-flag">⚑</span> Demand status
      </li>
    </ul>
  );
}

function EventList({ events }: { events: TimelineEvent[] }) {
  if (!events.length) return <p className="muted">Nothing on the timeline yet.</p>;
  const newest = [...events].sort((a, b) => timeOf(b.date) - timeOf(a.date));
  return (
    <ol className="event-list" data-testid="timeline-events">
      {newest.map((e) => (
        <li key={e.id} className={`event-row event-${e.kind}`}>
          <span className="event-date">{day(e.date)}</span>
          <span className={`event-kind kind-${e.kind}`}>{kindLabels[e.kind]}</span>
          <span className="event-title">
            {e.title}
            {e.detail && <span className="muted small"> — {e.detail}</span>}
          </span>
        </li>
      ))}
    </ol>
  );
}
