import type { Actor, Demand } from '../../api/domain';
import { Link } from '../../components/Link';
import { paths } from '../../router';
import { alignmentText, day, powerText } from './format';
import { useAssessments, useLeverage, type CircleAnswer } from './queries';

type Target = Demand['primaryTargets'][number] & { level: 'primary' | 'secondary' };

/** One target: why, where they stand now and how that moved; for a primary, who has power over them and our routes in. */
export function TargetCard({
  ws,
  target,
  actor,
  circle,
  names,
}: {
  ws: string;
  target: Target;
  actor: Actor | undefined;
  circle: CircleAnswer | undefined;
  names: Map<string, string>;
}) {
  const history = useAssessments(ws, target.id);
  const readings = [...(history.data ?? [])].sort((a, b) => a.at.localeCompare(b.at));
  const over = new Set([target.id, ...target.members.map((m) => m.id)]);
  const holders = target.level === 'primary' ? (circle?.items ?? []).filter((i) => i.over.some((o) => over.has(o))).slice(0, 6) : [];
  return (
    <article className={`card target-card target-${target.level}`} data-testid="target-card">
      <header className="target-head">
        <h3>
          <Link to={paths.actor(ws, target.id)}>{target.name}</Link>
          <span className={`badge badge-target-${target.level}`}>{target.level} target</span>
        </h3>
        <dl className="stats stats-compact">
          <div>
            <dt>Power</dt>
            <dd>{powerText(actor?.power)}</dd>
          </div>
          <div>
            <dt>Alignment</dt>
            <dd>{alignmentText(actor?.alignment)}</dd>
          </div>
        </dl>
      </header>
      {target.why && <p className="target-why">{target.why}</p>}
      {target.members.length > 0 && (
        <p className="muted small">
          Decides through its members:{' '}
          {target.members.map((m, i) => (
            <span key={m.id}>
              {i > 0 && ', '}
              <Link to={paths.actor(ws, m.id)}>{m.name}</Link>
            </span>
          ))}
        </p>
      )}
      <h4>How they moved</h4>
      {readings.length ? (
        <ol className="readings">
          {readings.map((r) => (
            <li key={r.id}>
              <span className="reading-date">{day(r.at)}</span> power {r.power ?? '—'}, alignment{' '}
              {r.alignment === null ? '—' : r.alignment > 0 ? `+${r.alignment}` : r.alignment}
              {r.note && <span className="muted"> — {r.note}</span>}
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted small">{history.isPending ? 'Loading…' : 'No readings yet.'}</p>
      )}
      {target.level === 'primary' && (
        <>
          <h4>Who has power over them</h4>
          {holders.length ? (
            <ul className="plain circle-list" data-testid="target-circle">
              {holders.map((h) => {
                const name = names.get(h.actorId) ?? 'Unknown actor';
                // Each reason starts with the actor's name, already shown as the link.
                const why = h.reasons.slice(0, 2).map((r) => (r.startsWith(name) ? r.slice(name.length).trim() : r));
                return (
                  <li key={h.actorId}>
                    <Link to={paths.actor(ws, h.actorId)}>{name}</Link> <span className="muted small">{why.join('; ')}</span>
                  </li>
                );
              })}
            </ul>
          ) : (
            <p className="muted small">{circle ? 'Nobody on the map has a tie of power over them yet.' : 'Working out…'}</p>
          )}
          <Routes ws={ws} target={target.id} />
        </>
      )}
    </article>
  );
}

function Routes({ ws, target }: { ws: string; target: string }) {
  const leverage = useLeverage(ws, target);
  return (
    <>
      <h4>Our best routes to them</h4>
      {leverage.data && leverage.data.routes.length > 0 ? (
        <ol className="routes">
          {leverage.data.routes.map((r) => (
            <li key={r.rank}>{r.summary}</li>
          ))}
        </ol>
      ) : (
        <p className="muted small">
          {leverage.isPending ? 'Working out…' : 'No route from our base yet: mark our members as base and tie them in.'}
        </p>
      )}
    </>
  );
}
