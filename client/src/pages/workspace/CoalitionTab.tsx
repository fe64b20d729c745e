import { useState, type FormEvent } from 'react';
import type { ReachAnswer } from '../../api/domain';
import { endpoints } from '../../api/endpoints';
import { errorText, useActors } from '../../api/queries';
import { Field } from '../../components/Field';
import { typeLabels } from '../../graph/visual';
import { WorkspaceId } from './SharingSections';
import '../../partner-sharing.css';

/** The coalition: this workspace's id for partners, and who among the partners can reach a target. */
export function CoalitionTab({ ws }: { ws: string }) {
  const actors = useActors(ws);
  const [target, setTarget] = useState('');
  const [answer, setAnswer] = useState<ReachAnswer | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const ask = async (e: FormEvent) => {
    e.preventDefault();
    if (!target) return setProblem('Choose the actor you want to reach.');
    setProblem(null);
    setBusy(true);
    try {
      setAnswer(await endpoints.coalitionReach(ws, target));
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const names = new Map((answer?.actors ?? []).map((a) => [a.id, a.name]));
  const maps = new Map((answer?.maps ?? []).map((m) => [m.id, m]));
  return (
    <div className="sharing">
      <section className="card">
        <h2>Combined reach</h2>
        <p className="muted">
          Who in the coalition has ties to a target, across every map shared with us or by us: the same actor, or another workspace’s record
          of them with the same Wikidata or LittleSis id.
        </p>
        <form className="reach-form" onSubmit={ask} noValidate>
          <Field label="Who do we want to reach?">
            {(p) => (
              <select {...p} value={target} onChange={(e) => setTarget(e.target.value)}>
                <option value="">Choose an actor…</option>
                {(actors.data ?? []).map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button className="btn btn-primary" type="submit" disabled={busy}>
            Find who can reach them
          </button>
        </form>
        {problem && (
          <div className="alert alert-error" role="alert">
            {problem}
          </div>
        )}
        {answer && (
          <div aria-live="polite" aria-label="Who can reach the target">
            <p className="muted">{answer.note}</p>
            {answer.partners.map((p) => (
              <div key={p.workspace.id} className="reach-partner">
                <h3>
                  {p.workspace.isUs ? `${p.workspace.name} (us)` : `Through ${p.workspace.name}`}{' '}
                  <span className="muted small">
                    {p.ties.length} tie{p.ties.length === 1 ? '' : 's'}
                  </span>
                </h3>
                <ul className="reach-ties">
                  {p.ties.map((t) => (
                    <li key={`${t.mapId}:${t.relationshipId}`}>
                      <strong>{names.get(t.actorId) ?? 'Someone'}</strong> — {typeLabels[t.type]}, strength {t.strength}
                      <span className="muted">
                        {' '}
                        · on “{maps.get(t.mapId)?.name ?? 'a shared map'}”
                        {t.matchedBy !== 'id' ? ` · same ${t.matchedBy.split(':')[0]} id` : ''}
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        )}
      </section>
      <section className="card">
        <h2>This workspace’s id</h2>
        <p className="muted">A partner’s owner offers you a map by this id; you then accept it under Maps → Shared with us.</p>
        <WorkspaceId ws={ws} />
      </section>
    </div>
  );
}
