import { useQueries } from '@tanstack/react-query';
import { Fragment, useEffect } from 'react';
import { relationshipRules, type ActorDetail, type ActorTie, type Assessment, type Demand, type Source, type User } from '../../api/domain';
import { endpoints } from '../../api/endpoints';
import { errorText, useActors, useWorkspace } from '../../api/queries';
import { Link } from '../../components/Link';
import { Citations } from '../../graph/citations';
import { relationshipDetail } from '../../graph/relationship-detail';
import { paths } from '../../router';
import { EscalationScale } from './EscalationScale';
import { MoneyTreeSection, useMoneyTree } from './MoneyTree';
import { alignmentText, day, label, powerText } from './format';
import {
  demandKeys,
  targetsOf,
  useCircle,
  useDemand,
  useDemandActions,
  useDemandKeyDates,
  useLeverage,
  type CircleAnswer,
} from './queries';
import './demand.css';
import './brief.css';

type Target = ReturnType<typeof targetsOf>[number];

/** The campaign brief of one demand: a page for the meeting, and a PDF through the browser's print. */
export function BriefPage({ user: _user, ws, demandId }: { user: User; ws: string; demandId: string }) {
  const workspace = useWorkspace(ws);
  const demand = useDemand(ws, demandId);
  const actors = useActors(ws);
  const actions = useDemandActions(ws, demandId);
  const dates = useDemandKeyDates(ws, demandId);
  const circle = useCircle(ws, demandId);
  const targets = demand.data ? targetsOf(demand.data) : [];
  const details = useQueries({
    queries: targets.map((t) => ({ queryKey: ['ws', ws, 'actor', t.id], queryFn: () => endpoints.actor(ws, t.id) })),
  });
  const readings = useQueries({
    queries: targets.map((t) => ({
      queryKey: demandKeys.assessments(ws, t.id),
      queryFn: async () => (await endpoints.assessments(ws, t.id)).items,
    })),
  });
  // Companies among the targets are where ownership and pension leverage lie.
  const byId = new Map((actors.data ?? []).map((a) => [a.id, a]));
  const money = useMoneyTree(
    ws,
    targets.filter((t) => byId.get(t.id)?.kind === 'organization').map((t) => ({ id: t.id, name: byId.get(t.id)!.name })),
  );
  const d = demand.data;
  useEffect(() => {
    if (!d) return;
    const before = document.title;
    document.title = `${d.title} — campaign brief`;
    return () => {
      document.title = before;
    };
  }, [d]);

  const ready =
    !!d &&
    actors.isSuccess &&
    actions.isSuccess &&
    dates.isSuccess &&
    details.every((q) => !q.isPending) &&
    readings.every((q) => !q.isPending) &&
    !money.pending;
  const names = new Map<string, string>([
    ...(actors.data ?? []).map((a) => [a.id, a.name] as const),
    ...(circle.data?.actors ?? []).map((a) => [a.id, a.name] as const),
  ]);
  const actorById = new Map((actors.data ?? []).map((a) => [a.id, a]));
  const citations = new Citations();

  return (
    <div className="brief-frame">
      <nav className="brief-bar no-print" aria-label="Brief">
        <Link to={paths.demand(ws, demandId)}>← Back to the demand</Link>
        <span className="brief-bar-name">{workspace.data?.name}</span>
        <button className="btn btn-primary" disabled={!ready} onClick={() => window.print()}>
          Download PDF
        </button>
      </nav>
      {demand.isError && (
        <main className="brief">
          <h1>This demand is not available</h1>
          <p>{errorText(demand.error)}</p>
        </main>
      )}
      {!demand.isError && !ready && <p className="page-status">Preparing the brief…</p>}
      {d && ready && (
        <main className="brief" data-testid="brief">
          <header className="brief-cover">
            <p className="eyebrow">
              Campaign brief · {workspace.data?.name} · {day(new Date().toISOString())}
            </p>
            <h1>{d.title}</h1>
            <p className="brief-status">
              <span className={`badge badge-${d.status}`}>{label(d.status)}</span> since {day(d.statusHistory.at(-1)?.at ?? d.createdAt)}
              {d.deadline && <> · deadline {day(d.deadline)}</>}
            </p>
            {d.description && <p className="pre-line">{d.description}</p>}
            <Overview demand={d} actorById={actorById} />
          </header>
          <section className="brief-section">
            <h2>Key dates</h2>
            {dates.data!.length ? (
              <table className="brief-table">
                <tbody>
                  {dates.data!.map((k) => (
                    <tr key={k.id}>
                      <td className="nowrap">{day(k.date)}</td>
                      <td>
                        <strong>{k.title}</strong> <span className="muted">({label(k.kind)})</span>
                        {k.note && <div className="muted small">{k.note}</div>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p className="muted">No key dates.</p>
            )}
          </section>
          <section className="brief-section">
            <h2>Actions so far</h2>
            {actions.data!.length ? (
              <table className="brief-table">
                <thead>
                  <tr>
                    <th>Date</th>
                    <th>Action</th>
                    <th>Escalation</th>
                    <th>Outcome and response</th>
                  </tr>
                </thead>
                <tbody>
                  {actions.data!.map((a) => (
                    <tr key={a.id}>
                      <td className="nowrap">{day(a.date)}</td>
                      <td>
                        <strong>{a.title}</strong>
                        <div className="muted small">
                          {label(a.kind)}
                          {a.lead && ` · led by ${a.lead}`}
                          {a.targetIds.length > 0 && ` · aimed at ${a.targetIds.map((t) => names.get(t) ?? 'an actor').join(', ')}`}
                        </div>
                      </td>
                      <td>
                        <EscalationScale level={a.escalation} />
                      </td>
                      <td>
                        {a.outcome}
                        {a.response && <div className="muted">Response: {a.response}</div>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p className="muted">No actions yet.</p>
            )}
          </section>
          {/* Called, not mounted, so every citation is numbered before the sources list below is drawn. */}
          {targets.map((t, i) => (
            <Fragment key={`${t.level}-${t.id}`}>
              {targetBrief({
                ws,
                target: t,
                detail: details[i]?.data,
                readings: readings[i]?.data ?? [],
                circle: circle.data,
                names,
                actorById,
                citations,
              })}
            </Fragment>
          ))}
          <MoneyTreeSection ws={ws} tree={money.tree} failed={money.failed} />
          <section className="brief-section brief-sources">
            <h2>Sources</h2>
            {citations.items.length ? (
              <ol className="sources-list">
                {citations.items.map((c) => (
                  <li key={c.n} value={c.n}>
                    {c.url ? <a href={c.url}>{c.title}</a> : c.title}
                    {c.url && c.url !== c.title && <span className="source-url"> {c.url}</span>}
                    {c.detail && <span className="muted"> — {c.detail}</span>}
                  </li>
                ))}
              </ol>
            ) : (
              <p className="muted">Nothing in this brief cites a source yet.</p>
            )}
          </section>
        </main>
      )}
    </div>
  );
}

function Overview({ demand, actorById }: { demand: Demand; actorById: Map<string, { power: number | null; alignment: number | null }> }) {
  const rows = targetsOf(demand);
  if (!rows.length) return null;
  return (
    <table className="brief-table brief-overview">
      <thead>
        <tr>
          <th>Target</th>
          <th>Why</th>
          <th>Power</th>
          <th>Alignment</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((t) => (
          <tr key={`${t.level}-${t.id}`}>
            <td>
              <strong>{t.name}</strong>
              <div className="muted small">{t.level}</div>
            </td>
            <td>{t.why}</td>
            <td className="nowrap">{powerText(actorById.get(t.id)?.power)}</td>
            <td className="nowrap">{alignmentText(actorById.get(t.id)?.alignment)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A tie in words, from the target's side: "Crestview donates to Trustee Chen". */
function tieText(tie: ActorTie, targetName: string) {
  const verb = relationshipRules[tie.relationship.type].label;
  const extra = relationshipDetail(tie.relationship);
  const sentence = tie.direction === 'out' ? `${targetName} ${verb} ${tie.other.name}` : `${tie.other.name} ${verb} ${targetName}`;
  return extra ? `${sentence} (${extra})` : sentence;
}

function targetBrief({
  ws,
  target,
  detail,
  readings,
  circle,
  names,
  actorById,
  citations,
}: {
  ws: string;
  target: Target;
  detail: ActorDetail | undefined;
  readings: Assessment[];
  circle: CircleAnswer | undefined;
  names: Map<string, string>;
  actorById: Map<string, { power: number | null; alignment: number | null }>;
  citations: Citations;
}) {
  const sources = new Map((detail?.sources ?? []).map((s) => [s.id, s]));
  const ties = Object.values(detail?.relationships ?? {}).flat();
  const over = new Set([target.id, ...target.members.map((m) => m.id)]);
  const holders = target.level === 'primary' ? (circle?.items ?? []).filter((i) => i.over.some((o) => over.has(o))).slice(0, 8) : [];
  const history = [...readings].sort((a, b) => a.at.localeCompare(b.at));
  const cite = (ids: string[]) =>
    ids
      .map((id) => sources.get(id))
      .filter((s): s is Source => !!s)
      .map((s) => citations.source(s));
  return (
    <section className={`brief-target brief-target-${target.level}`}>
      <p className="eyebrow">{target.level} target</p>
      <h2>{target.name}</h2>
      {target.why && <p className="target-why">{target.why}</p>}
      <dl className="brief-facts">
        <dt>Power</dt>
        <dd>{powerText(detail?.power)}</dd>
        <dt>Alignment</dt>
        <dd>{alignmentText(detail?.alignment)}</dd>
        <dt>Power comes from</dt>
        <dd>{detail?.powerSources.length ? detail.powerSources.join('; ') : <span className="muted">not researched yet</span>}</dd>
        <dt>Cares about</dt>
        <dd>{detail?.interests.length ? detail.interests.join('; ') : <span className="muted">not researched yet</span>}</dd>
        {target.members.length > 0 && (
          <>
            <dt>Decides through</dt>
            <dd>{target.members.map((m) => `${m.name} (${alignmentText(actorById.get(m.id)?.alignment).split(' · ')[0]})`).join(', ')}</dd>
          </>
        )}
      </dl>
      <h3>Where they stood</h3>
      {history.length ? (
        <table className="brief-table">
          <tbody>
            {history.map((r) => (
              <tr key={r.id}>
                <td className="nowrap">{day(r.at)}</td>
                <td className="nowrap">
                  power {r.power ?? '—'}, alignment {r.alignment === null ? '—' : r.alignment > 0 ? `+${r.alignment}` : r.alignment}
                </td>
                <td>
                  {r.note}
                  {r.source && <sup className="cite">[{citations.reading(r.source)}]</sup>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No readings yet.</p>
      )}
      {target.level === 'primary' && (
        <>
          <h3>Who has power over them</h3>
          {holders.length ? (
            <ul className="brief-list">
              {holders.map((h) => (
                <li key={h.actorId}>{h.reasons.length ? h.reasons.join('; ') : (names.get(h.actorId) ?? 'Unknown actor')}</li>
              ))}
            </ul>
          ) : (
            <p className="muted">Nobody on the map has a tie of power over them yet.</p>
          )}
          <BriefRoutes ws={ws} target={target.id} />
        </>
      )}
      <h3>Ties</h3>
      {ties.length ? (
        <ul className="brief-list">
          {ties.map((t) => {
            const cited = cite(t.relationship.sourceIds);
            return (
              <li key={t.relationship.id}>
                {tieText(t, target.name)}
                {cited.length > 0 ? (
                  <sup className="cite">[{cited.join(', ')}]</sup>
                ) : (
                  <span className="uncited-mark"> (no source yet)</span>
                )}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted">No ties recorded.</p>
      )}
    </section>
  );
}

function BriefRoutes({ ws, target }: { ws: string; target: string }) {
  const leverage = useLeverage(ws, target);
  return (
    <>
      <h3>Our best routes to them</h3>
      {leverage.data?.routes.length ? (
        <ol className="brief-list">
          {leverage.data.routes.map((r) => (
            <li key={r.rank}>{r.summary}</li>
          ))}
        </ol>
      ) : (
        <p className="muted">{leverage.isPending ? 'Working out…' : 'No route from our base yet.'}</p>
      )}
    </>
  );
}
