import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { User } from '../../api/domain';
import { endpoints } from '../../api/endpoints';
import { errorText, keys, useActors, useWorkspace } from '../../api/queries';
import { Header } from '../../components/Header';
import { Link } from '../../components/Link';
import { useLiveUpdates } from '../../editor/useLiveUpdates';
import { navigate, paths } from '../../router';
import { ActionForm, ActionList } from './DemandActions';
import { DemandEdit } from './DemandEdit';
import { day, label } from './format';
import { demandKeys, targetsOf, useCircle, useDemand, useDemandActions, useDemandKeyDates } from './queries';
import { TargetCard } from './TargetCard';
import './demand.css';

/** A demand with everything a campaign meeting asks of it: where it stands, whom it targets, what was done. */
export function DemandPage({ user, ws, demandId }: { user: User; ws: string; demandId: string }) {
  const workspace = useWorkspace(ws);
  const demand = useDemand(ws, demandId);
  const actors = useActors(ws);
  const actions = useDemandActions(ws, demandId);
  const dates = useDemandKeyDates(ws, demandId);
  const circle = useCircle(ws, demandId);
  const client = useQueryClient();
  useLiveUpdates(ws, user.id);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const canEdit = workspace.data ? workspace.data.role !== 'viewer' : false;
  const d = demand.data;
  const actorById = new Map((actors.data ?? []).map((a) => [a.id, a]));
  const names = new Map<string, string>([
    ...(actors.data ?? []).map((a) => [a.id, a.name] as const),
    ...(circle.data?.actors ?? []).map((a) => [a.id, a.name] as const),
  ]);

  const remove = async () => {
    if (!d) return;
    setProblem(null);
    try {
      await endpoints.deleteDemand(ws, d.id, d.version);
      await client.invalidateQueries({ queryKey: keys.demands(ws) });
      navigate(paths.workspace(ws, 'demands'));
    } catch (error) {
      setProblem(errorText(error));
      setConfirming(false);
    }
  };

  return (
    <div className="frame">
      <Header
        user={user}
        crumbs={
          <>
            <Link to="/">Workspaces</Link>
            <span aria-hidden="true">/</span>
            <Link to={paths.workspace(ws, 'demands')}>{workspace.data?.name ?? '…'}</Link>
            <span aria-hidden="true">/</span>
            <span>{d?.title ?? '…'}</span>
          </>
        }
      />
      <main className="page demand-page">
        {demand.isError && (
          <div className="empty-state">
            <h1>This demand is not available</h1>
            <p>{errorText(demand.error)}</p>
            <p>
              <Link to={paths.workspace(ws, 'demands')}>Back to the demands</Link>
            </p>
          </div>
        )}
        {demand.isPending && <p className="page-status">Loading…</p>}
        {d && (
          <>
            <div className="page-head">
              <div>
                <p className="eyebrow">Demand</p>
                <h1>
                  {d.title} <span className={`badge badge-${d.status}`}>{label(d.status)}</span>
                </h1>
                <p className="muted">
                  {d.deadline ? `Deadline ${day(d.deadline)}` : 'No deadline set'} · {d.primaryTargets.length} primary,{' '}
                  {d.secondaryTargets.length} secondary target{d.secondaryTargets.length === 1 ? '' : 's'}
                </p>
              </div>
              <div className="btn-row">
                <Link className="btn" to={paths.timeline(ws, { demand: d.id })}>
                  Timeline
                </Link>
                <Link className="btn" to={paths.demandBrief(ws, d.id)}>
                  Campaign brief
                </Link>
                {canEdit && !editing && (
                  <button className="btn" onClick={() => setEditing(true)}>
                    Edit
                  </button>
                )}
                {canEdit && (
                  <button className="btn btn-danger" onClick={() => setConfirming(true)}>
                    Delete…
                  </button>
                )}
              </div>
            </div>
            {confirming && (
              <div className="alert alert-error confirm-row" role="alertdialog" aria-label="Delete this demand?">
                <span>
                  Delete “{d.title}”? Its actions stay in the history, and the demand can be brought back from the workspace history.
                </span>
                <button className="btn btn-danger" onClick={() => void remove()}>
                  Delete demand
                </button>
                <button className="btn" onClick={() => setConfirming(false)}>
                  Keep it
                </button>
              </div>
            )}
            {problem && (
              <div className="alert alert-error" role="alert">
                {problem}
              </div>
            )}
            {editing && (
              <DemandEdit
                ws={ws}
                demand={d}
                actors={actors.data ?? []}
                onDone={(saved) => {
                  setEditing(false);
                  if (saved) client.setQueryData(demandKeys.demand(ws, d.id), saved);
                  void client.invalidateQueries({ queryKey: ['ws', ws] });
                }}
              />
            )}
            <div className="demand-grid">
              <div className="demand-main">
                <section className="card">
                  <h2>What we ask</h2>
                  {d.description ? <p className="pre-line">{d.description}</p> : <p className="muted">No description yet.</p>}
                </section>
                <section>
                  <h2 className="section-title">Targets</h2>
                  {targetsOf(d).length === 0 && <p className="muted">No targets yet: edit the demand to name who can say yes.</p>}
                  {targetsOf(d).map((t) => (
                    <TargetCard
                      key={`${t.level}-${t.id}`}
                      ws={ws}
                      target={t}
                      actor={actorById.get(t.id)}
                      circle={circle.data}
                      names={names}
                    />
                  ))}
                </section>
                <section className="card">
                  <h2>Actions</h2>
                  <ActionList ws={ws} actions={actions.data ?? []} names={names} />
                </section>
              </div>
              <aside className="demand-side">
                <section className="card">
                  <h2>Status</h2>
                  <ol className="status-history" data-testid="status-history">
                    {[...d.statusHistory].reverse().map((s, i) => (
                      <li key={`${s.at}-${i}`}>
                        <span className={`badge badge-${s.status}`}>{label(s.status)}</span>{' '}
                        <span className="muted small">since {day(s.at)}</span>
                      </li>
                    ))}
                  </ol>
                </section>
                <section className="card">
                  <h2>Key dates</h2>
                  {dates.data && dates.data.length > 0 ? (
                    <ul className="plain key-dates">
                      {dates.data.map((k) => (
                        <li key={k.id}>
                          <strong>{day(k.date)}</strong> {k.title} <span className="muted small">({label(k.kind)})</span>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="muted">No key dates for this demand.</p>
                  )}
                </section>
                {canEdit && <ActionForm ws={ws} demand={d} onSaved={() => void actions.refetch()} />}
              </aside>
            </div>
          </>
        )}
      </main>
    </div>
  );
}
