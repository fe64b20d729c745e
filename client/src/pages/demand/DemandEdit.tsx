import { useState, type FormEvent } from 'react';
import { demandStatuses, type Actor, type Demand, type DemandPatch } from '../../api/domain';
import { endpoints } from '../../api/endpoints';
import { ApiError } from '../../api/http';
import { errorText } from '../../api/queries';
import { Field } from '../../components/Field';
import { label, today } from './format';

/** Edits a demand in place; a new status is dated by the day chosen (today unless changed). */
export function DemandEdit({
  ws,
  demand,
  actors,
  onDone,
}: {
  ws: string;
  demand: Demand;
  actors: Actor[];
  onDone: (saved: Demand | null) => void;
}) {
  const [form, setForm] = useState({
    title: demand.title,
    description: demand.description,
    status: demand.status,
    statusDate: today(),
    deadline: demand.deadline ?? '',
    primaryTargetIds: demand.primaryTargetIds,
    secondaryTargetIds: demand.secondaryTargetIds,
    targetWhy: demand.targetWhy,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const byName = [...actors].sort((a, b) => a.name.localeCompare(b.name));
  const chosen = [...new Set([...form.primaryTargetIds, ...form.secondaryTargetIds])];

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    const why = Object.fromEntries(chosen.filter((id) => form.targetWhy[id]?.trim()).map((id) => [id, form.targetWhy[id]!.trim()]));
    const body: DemandPatch = {
      version: demand.version,
      title: form.title,
      description: form.description,
      deadline: form.deadline || null,
      primaryTargetIds: form.primaryTargetIds,
      secondaryTargetIds: form.secondaryTargetIds.filter((id) => !form.primaryTargetIds.includes(id)),
      targetWhy: why,
    };
    if (form.status !== demand.status) {
      body.status = form.status;
      if (form.statusDate && form.statusDate !== today()) body.statusAt = `${form.statusDate}T12:00:00.000Z`;
    }
    try {
      onDone(await endpoints.patchDemand(ws, demand.id, body));
    } catch (error) {
      if (error instanceof ApiError) setErrors(error.fieldErrors());
      setProblem(
        error instanceof ApiError && error.status === 409
          ? 'Someone changed this demand meanwhile. Close the form to see their version, then edit again.'
          : errorText(error),
      );
    } finally {
      setBusy(false);
    }
  };

  const picker = (key: 'primaryTargetIds' | 'secondaryTargetIds', text: string, hint: string) => (
    <Field label={text} hint={hint} error={errors[key]}>
      {(p) => (
        <select
          {...p}
          multiple
          size={6}
          value={form[key]}
          onChange={(e) => setForm({ ...form, [key]: [...e.target.selectedOptions].map((o) => o.value) })}
        >
          {byName.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <form className="card form-card demand-edit" onSubmit={save} noValidate aria-label="Edit demand">
      <h2>Edit demand</h2>
      <Field label="What do you ask for?" error={errors.title}>
        {(p) => <input {...p} value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />}
      </Field>
      <Field label="Description" error={errors.description}>
        {(p) => <textarea {...p} rows={3} value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />}
      </Field>
      <div className="form-row">
        <Field label="Status" error={errors.status}>
          {(p) => (
            <select {...p} value={form.status} onChange={(e) => setForm({ ...form, status: e.target.value as Demand['status'] })}>
              {demandStatuses.map((s) => (
                <option key={s} value={s}>
                  {label(s)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Status since" hint="The day the status changed" error={errors.statusAt}>
          {(p) => (
            <input
              {...p}
              type="date"
              value={form.statusDate}
              max={today()}
              disabled={form.status === demand.status}
              onChange={(e) => setForm({ ...form, statusDate: e.target.value })}
            />
          )}
        </Field>
        <Field label="Deadline" error={errors.deadline}>
          {(p) => <input {...p} type="date" value={form.deadline} onChange={(e) => setForm({ ...form, deadline: e.target.value })} />}
        </Field>
      </div>
      <div className="form-row">
        {picker('primaryTargetIds', 'Primary targets', 'Who can say yes (Ctrl-click for several)')}
        {picker('secondaryTargetIds', 'Secondary targets', 'Who can move a primary target')}
      </div>
      {chosen.map((id) => (
        <Field key={id} label={`Why ${actors.find((a) => a.id === id)?.name ?? 'this target'}?`}>
          {(p) => (
            <input
              {...p}
              value={form.targetWhy[id] ?? ''}
              onChange={(e) => setForm({ ...form, targetWhy: { ...form.targetWhy, [id]: e.target.value } })}
            />
          )}
        </Field>
      ))}
      {problem && (
        <div className="alert alert-error" role="alert">
          {problem}
        </div>
      )}
      <div className="btn-row">
        <button className="btn btn-primary" type="submit" disabled={busy}>
          Save demand
        </button>
        <button className="btn" type="button" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
