import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { workspaceCreate, type User } from '../api/domain';
import { endpoints } from '../api/endpoints';
import { ApiError } from '../api/http';
import { errorText, keys, useWorkspaces } from '../api/queries';
import { Field } from '../components/Field';
import { Header } from '../components/Header';
import { Link } from '../components/Link';
import { validate, type FieldErrors } from '../components/validate';
import { navigate, paths } from '../router';
import { RestoreBackup } from './RestoreBackup';

export function WorkspacesPage({ user }: { user: User }) {
  const list = useWorkspaces();
  const client = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [form, setForm] = useState({ name: '', description: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    const checked = validate(workspaceCreate, form);
    if (!checked.ok) return setErrors(checked.errors);
    try {
      const ws = await endpoints.createWorkspace(checked.data);
      await client.invalidateQueries({ queryKey: keys.workspaces });
      navigate(paths.workspace(ws.id));
    } catch (error) {
      if (error instanceof ApiError) setErrors(error.fieldErrors());
      setProblem(errorText(error));
    }
  };

  const items = list.data ?? [];
  return (
    <div className="frame">
      <Header user={user} />
      <main className="page">
        <div className="page-head">
          <h1>Workspaces</h1>
          <div className="form-actions">
            <RestoreBackup />
            {!creating && items.length > 0 && (
              <button className="btn btn-primary" onClick={() => setCreating(true)}>
                New workspace
              </button>
            )}
          </div>
        </div>
        {list.isError && (
          <div className="alert alert-error" role="alert">
            Could not load your workspaces: {errorText(list.error)}
          </div>
        )}
        {list.isPending && (
          <p className="page-status" aria-busy="true">
            Loading workspaces…
          </p>
        )}
        {(creating || (list.isSuccess && items.length === 0)) && (
          <form className="card form-card" onSubmit={create} noValidate>
            <h2>{items.length === 0 ? 'Start your first workspace' : 'New workspace'}</h2>
            {items.length === 0 && (
              <p className="muted">
                A workspace is where your team maps one campaign or research area: its actors, their ties and your sources.
              </p>
            )}
            <Field label="Name" error={errors.name}>
              {(p) => (
                <input
                  {...p}
                  name="workspace-name"
                  placeholder="e.g. School nurses campaign"
                  value={form.name}
                  onChange={(e) => setForm({ ...form, name: e.target.value })}
                  autoFocus
                />
              )}
            </Field>
            <Field label="Description (optional)" error={errors.description}>
              {(p) => (
                <textarea {...p} rows={2} value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />
              )}
            </Field>
            {problem && (
              <div className="alert alert-error" role="alert">
                {problem}
              </div>
            )}
            <div className="form-actions">
              <button className="btn btn-primary" type="submit">
                Create workspace
              </button>
              {items.length > 0 && (
                <button type="button" className="btn" onClick={() => setCreating(false)}>
                  Cancel
                </button>
              )}
            </div>
          </form>
        )}
        {items.length > 0 && (
          <ul className="card-grid" aria-label="Your workspaces">
            {items.map((ws) => (
              <li key={ws.id} className="card ws-card">
                <Link to={paths.workspace(ws.id)} className="card-link">
                  <h2>{ws.name}</h2>
                </Link>
                <p className="muted clamp">{ws.description || 'No description yet.'}</p>
                <div className="card-meta">
                  <span className={`badge badge-${ws.role}`}>{ws.role}</span>
                  <span>
                    {ws.changeSeq} change{ws.changeSeq === 1 ? '' : 's'}
                  </span>
                </div>
              </li>
            ))}
          </ul>
        )}
        <RecentlyDeleted />
      </main>
    </div>
  );
}

/** Workspaces the account owned and deleted lately: a mistaken delete is one click away from undone. */
function RecentlyDeleted() {
  const client = useQueryClient();
  const deleted = useQuery({ queryKey: [...keys.workspaces, 'deleted'], queryFn: () => endpoints.deletedWorkspaces() });
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const items = deleted.data?.items ?? [];
  if (items.length === 0) return null;
  const restore = async (id: string) => {
    setBusy(id);
    setProblem(null);
    try {
      const ws = await endpoints.restoreWorkspace(id);
      await client.invalidateQueries({ queryKey: keys.workspaces });
      navigate(paths.workspace(ws.id));
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(null);
    }
  };
  return (
    <section className="deleted-list" aria-labelledby="deleted-title">
      <h2 id="deleted-title">Recently deleted</h2>
      <ul className="list" aria-label="Recently deleted workspaces">
        {items.map((w) => (
          <li key={w.id} className="list-row">
            <span className="list-title">{w.name}</span>
            <span className="muted">
              deleted {new Date(w.deletedAt).toLocaleDateString()} · can be restored until{' '}
              {new Date(w.restorableUntil).toLocaleDateString()}
            </span>
            <button type="button" className="btn" disabled={busy !== null} onClick={() => void restore(w.id)}>
              {busy === w.id ? 'Restoring…' : `Restore ${w.name}`}
            </button>
          </li>
        ))}
      </ul>
      {problem && (
        <div className="alert alert-error" role="alert">
          {problem}
        </div>
      )}
    </section>
  );
}
