import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import {
  ALIGNMENT_MAX,
  ALIGNMENT_MIN,
  POWER_MAX,
  POWER_MIN,
  actionKinds,
  type Action,
  type ActionCreate,
  type Demand,
} from '../../api/domain';
import { endpoints } from '../../api/endpoints';
import { ApiError } from '../../api/http';
import { errorText } from '../../api/queries';
import { Field } from '../../components/Field';
import { Link } from '../../components/Link';
import { alignmentLabels, powerLabels } from '../../graph/visual';
import { signed } from '../../graph/scales';
import { paths } from '../../router';
import { EscalationScale } from './EscalationScale';
import { day, escalationLabels, label, today } from './format';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** What the campaign did about a demand, newest first. */
export function ActionList({ ws, actions, names }: { ws: string; actions: Action[]; names: Map<string, string> }) {
  if (!actions.length) return <p className="muted">No actions yet. Record the first letter, delegation or rally here.</p>;
  const newest = [...actions].sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt));
  return (
    <ol className="action-list" data-testid="action-list">
      {newest.map((a) => (
        <li key={a.id} className="action-row">
          <div className="action-when">
            <strong>{day(a.date)}</strong>
            <span className="muted small">{label(a.kind)}</span>
          </div>
          <div className="action-body">
            <div className="action-title">
              {a.title} <EscalationScale level={a.escalation} />
            </div>
            <div className="muted small">
              {a.targetIds.length > 0 && (
                <>
                  Aimed at{' '}
                  {a.targetIds.map((t, i) => (
                    <span key={t}>
                      {i > 0 && ', '}
                      <Link to={paths.actor(ws, t)}>{names.get(t) ?? 'an actor'}</Link>
                    </span>
                  ))}
                </>
              )}
              {a.lead && <> · led by {a.lead}</>}
            </div>
            {a.outcome && (
              <p className="action-line">
                <span className="action-label">Outcome</span> {a.outcome}
              </p>
            )}
            {a.response && (
              <p className="action-line">
                <span className="action-label">Their response</span> {a.response}
                {a.responseAssessmentIds.length > 0 && <span className="badge">moved the map</span>}
              </p>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}

/** Records an action; the target's answer can move where they stand in the same step. */
export function ActionForm({ ws, demand, onSaved }: { ws: string; demand: Demand; onSaved: () => void }) {
  const client = useQueryClient();
  const targets = [...demand.primaryTargets.flatMap((t) => [t, ...t.members]), ...demand.secondaryTargets].filter(
    (t, i, all) => all.findIndex((o) => o.id === t.id) === i,
  );
  const blank = {
    title: '',
    date: today(),
    kind: 'letter' as Action['kind'],
    escalation: 1,
    targetIds: [] as string[],
    lead: '',
    outcome: '',
    response: '',
    moved: false,
    moveActor: '',
    power: '',
    alignment: '',
    note: '',
  };
  const [form, setForm] = useState(blank);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const body: ActionCreate = {
      title: form.title,
      date: form.date,
      kind: form.kind,
      escalation: form.escalation,
      targetIds: form.targetIds,
      lead: form.lead,
      outcome: form.outcome,
      response: form.response,
    };
    if (form.moved) {
      const actorId = form.moveActor || form.targetIds[0] || '';
      if (!actorId) return setErrors({ moveActor: 'choose who moved (a target of the action)' });
      if (!form.power && !form.alignment) return setErrors({ power: 'give a new power or alignment (or both)' });
      body.responseMove = {
        actorId,
        ...(form.power ? { power: Number(form.power) } : {}),
        ...(form.alignment ? { alignment: Number(form.alignment) } : {}),
        ...(form.note.trim() ? { note: form.note.trim() } : {}),
      };
      if (!body.targetIds!.includes(actorId)) body.targetIds = [...body.targetIds!, actorId];
    }
    if (!form.title.trim()) return setErrors({ title: 'must not be empty' });
    setErrors({});
    setBusy(true);
    try {
      await endpoints.createAction(ws, demand.id, body);
      setForm(blank);
      await client.invalidateQueries({ queryKey: ['ws', ws] });
      onSaved();
    } catch (error) {
      if (error instanceof ApiError) setErrors(error.fieldErrors());
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const toggle = (id: string) =>
    setForm((f) => ({ ...f, targetIds: f.targetIds.includes(id) ? f.targetIds.filter((t) => t !== id) : [...f.targetIds, id] }));

  return (
    <form className="card form-card action-form" onSubmit={submit} noValidate aria-label="Record an action">
      <h2>Record an action</h2>
      <Field label="Action" error={errors.title}>
        {(p) => (
          <input
            {...p}
            value={form.title}
            placeholder="e.g. Parents' delegation to the board"
            onChange={(e) => setForm({ ...form, title: e.target.value })}
          />
        )}
      </Field>
      <div className="form-row">
        <Field label="Date" error={errors.date}>
          {(p) => <input {...p} type="date" value={form.date} onChange={(e) => setForm({ ...form, date: e.target.value })} />}
        </Field>
        <Field label="Kind" error={errors.kind}>
          {(p) => (
            <select {...p} value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as Action['kind'] })}>
              {actionKinds.map((k) => (
                <option key={k} value={k}>
                  {label(k)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Escalation" error={errors.escalation}>
          {(p) => (
            <select {...p} value={form.escalation} onChange={(e) => setForm({ ...form, escalation: Number(e.target.value) })}>
              {range(1, 5).map((l) => (
                <option key={l} value={l}>
                  {l} · {escalationLabels[l]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <fieldset className="field">
        <legend>Aimed at</legend>
        {targets.length === 0 && <span className="muted small">The demand has no targets yet.</span>}
        <div className="check-grid">
          {targets.map((t) => (
            <label key={t.id} className="field-check">
              <input type="checkbox" checked={form.targetIds.includes(t.id)} onChange={() => toggle(t.id)} /> {t.name}
            </label>
          ))}
        </div>
      </fieldset>
      <Field label="Who leads it" error={errors.lead}>
        {(p) => <input {...p} value={form.lead} onChange={(e) => setForm({ ...form, lead: e.target.value })} />}
      </Field>
      <Field label="Outcome" error={errors.outcome}>
        {(p) => <textarea {...p} rows={2} value={form.outcome} onChange={(e) => setForm({ ...form, outcome: e.target.value })} />}
      </Field>
      <Field label="Target's response" error={errors.response}>
        {(p) => <textarea {...p} rows={2} value={form.response} onChange={(e) => setForm({ ...form, response: e.target.value })} />}
      </Field>
      <label className="field-check">
        <input type="checkbox" checked={form.moved} onChange={(e) => setForm({ ...form, moved: e.target.checked })} /> The response moved a
        target: record where they stand now
      </label>
      {form.moved && (
        <div className="form-row move-row">
          <Field label="Who moved" error={errors.moveActor ?? errors.responseMove}>
            {(p) => (
              <select
                {...p}
                value={form.moveActor || form.targetIds[0] || ''}
                onChange={(e) => setForm({ ...form, moveActor: e.target.value })}
              >
                <option value="">— choose —</option>
                {targets.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Power now" error={errors.power}>
            {(p) => (
              <select {...p} value={form.power} onChange={(e) => setForm({ ...form, power: e.target.value })}>
                <option value="">unchanged</option>
                {range(POWER_MIN, POWER_MAX).map((v) => (
                  <option key={v} value={v}>
                    {v} · {powerLabels[v]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Alignment now" error={errors.alignment}>
            {(p) => (
              <select {...p} value={form.alignment} onChange={(e) => setForm({ ...form, alignment: e.target.value })}>
                <option value="">unchanged</option>
                {range(ALIGNMENT_MIN, ALIGNMENT_MAX)
                  .reverse()
                  .map((v) => (
                    <option key={v} value={v}>
                      {signed(v)} · {alignmentLabels[v]}
                    </option>
                  ))}
              </select>
            )}
          </Field>
          <Field label="Note on the move">
            {(p) => <input {...p} value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} />}
          </Field>
        </div>
      )}
      {problem && (
        <div className="alert alert-error" role="alert">
          {problem}
        </div>
      )}
      <button className="btn btn-primary" type="submit" disabled={busy}>
        Record action
      </button>
    </form>
  );
}
