import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { demandCreate } from '../../api/domain';
import { endpoints } from '../../api/endpoints';
import { errorText, keys, useActors, useDemands } from '../../api/queries';
import { Field } from '../../components/Field';
import { Link } from '../../components/Link';
import { validate, type FieldErrors } from '../../components/validate';
import { paths } from '../../router';

export function DemandsTab({ ws, canEdit }: { ws: string; canEdit: boolean }) {
  const demands = useDemands(ws);
  const actors = useActors(ws);
  const client = useQueryClient();
  const [form, setForm] = useState({ title: '', description: '', target: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const people = (actors.data ?? []).filter((a) => a.kind === 'person');
  const [submitKey, setSubmitKey] = useState(() => crypto.randomUUID());

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const body = { title: form.title, description: form.description, primaryTargetIds: form.target ? [form.target] : [] };
    const checked = validate(demandCreate, body);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    try {
      // One key per filled-in form: a double click or a retry makes one demand.
      await endpoints.createDemand(ws, body, submitKey);
      setForm({ title: '', description: '', target: '' });
      setSubmitKey(crypto.randomUUID());
      await client.invalidateQueries({ queryKey: keys.demands(ws) });
    } catch (error) {
      setProblem(errorText(error));
    }
  };

  const items = demands.data ?? [];
  return (
    <div className="two-col">
      <div>
        {items.length > 0 && (
          <p className="tab-links">
            <Link to={paths.timeline(ws)}>Open the campaign timeline →</Link>
          </p>
        )}
        {demands.isPending && (
          <p className="page-status" aria-busy="true">
            Loading demands…
          </p>
        )}
        {demands.isError && (
          <div className="alert alert-error" role="alert">
            Could not load demands: {errorText(demands.error)}
          </div>
        )}
        {demands.isSuccess && items.length === 0 && (
          <div className="empty-state card">
            <h2>No demands yet</h2>
            <p className="muted">A demand is what the campaign asks for, and its primary targets are the people who can grant it.</p>
          </div>
        )}
        <ul className="list">
          {items.map((d) => (
            <li key={d.id} className="list-row">
              <span className="list-title">
                <Link to={paths.demand(ws, d.id)}>{d.title}</Link>{' '}
                <span className={`badge badge-${d.status}`}>{d.status.replace(/_/g, ' ')}</span>
              </span>
              {d.description && <span>{d.description}</span>}
              <span className="muted">
                Primary targets:{' '}
                {d.primaryTargets.length
                  ? d.primaryTargets.map((t, i) => (
                      <span key={t.id}>
                        {i > 0 && ', '}
                        <Link to={paths.actor(ws, t.id)}>{t.name}</Link>
                      </span>
                    ))
                  : 'none yet'}
                {d.secondaryTargets.length > 0 && <> · secondary: {d.secondaryTargets.map((t) => t.name).join(', ')}</>}
              </span>
            </li>
          ))}
        </ul>
      </div>
      {canEdit && (
        <form className="card form-card" onSubmit={create} noValidate>
          <h2>New demand</h2>
          <Field label="What do you ask for?" error={errors.title}>
            {(p) => (
              <input
                {...p}
                value={form.title}
                placeholder="e.g. A nurse in every school"
                onChange={(e) => setForm({ ...form, title: e.target.value })}
              />
            )}
          </Field>
          <Field label="Description" error={errors.description}>
            {(p) => (
              <textarea {...p} rows={2} value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />
            )}
          </Field>
          <Field
            label="Primary target (a person who can say yes)"
            error={errors.primaryTargetIds}
            hint={people.length ? undefined : 'Add people to a map first; they appear here.'}
          >
            {(p) => (
              <select {...p} value={form.target} onChange={(e) => setForm({ ...form, target: e.target.value })}>
                <option value="">— choose later —</option>
                {people.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {problem && (
            <div className="alert alert-error" role="alert">
              {problem}
            </div>
          )}
          <button className="btn btn-primary" type="submit">
            Add demand
          </button>
        </form>
      )}
    </div>
  );
}
