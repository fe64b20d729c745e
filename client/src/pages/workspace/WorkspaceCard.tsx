import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { RESTORE_DAYS, workspacePatch, type Workspace } from '../../api/domain';
import { endpoints } from '../../api/endpoints';
import { errorText, keys } from '../../api/queries';
import { Field } from '../../components/Field';
import { validate, type FieldErrors } from '../../components/validate';
import { navigate, paths } from '../../router';

/** Owners rename the workspace, or delete it after typing its name (restorable for RESTORE_DAYS days). */
export function WorkspaceCard({ workspace }: { workspace: Workspace }) {
  const client = useQueryClient();
  const [form, setForm] = useState({ name: workspace.name, description: workspace.description });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [typed, setTyped] = useState('');
  const [deleting, setDeleting] = useState(false);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    setProblem(null);
    const checked = validate(workspacePatch, form);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    try {
      const next = await endpoints.updateWorkspace(workspace.id, { ...checked.data, version: workspace.version });
      client.setQueryData(keys.workspace(workspace.id), next);
      await client.invalidateQueries({ queryKey: keys.workspaces });
      setSaved(true);
    } catch (error) {
      setProblem(errorText(error));
      await client.invalidateQueries({ queryKey: keys.workspace(workspace.id) });
    }
  };

  const remove = async () => {
    setDeleting(true);
    setProblem(null);
    try {
      await endpoints.deleteWorkspace(workspace.id);
      await client.invalidateQueries({ queryKey: keys.workspaces });
      navigate(paths.workspaces());
    } catch (error) {
      setProblem(errorText(error));
      setDeleting(false);
    }
  };

  const confirmed = typed.trim() === workspace.name.trim();
  return (
    <section className="card settings-card" aria-labelledby="workspace-card-title">
      <h2 id="workspace-card-title">Workspace</h2>
      <form onSubmit={save} noValidate>
        <Field label="Name" error={errors.name}>
          {(p) => <input {...p} name="workspace-name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />}
        </Field>
        <Field label="Description" error={errors.description}>
          {(p) => <textarea {...p} rows={2} value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />}
        </Field>
        {saved && (
          <div className="alert alert-info" role="status">
            Saved.
          </div>
        )}
        <button className="btn btn-primary" type="submit">
          Save name and description
        </button>
      </form>
      <div className="danger-zone">
        <h3>Delete this workspace</h3>
        <p className="muted">
          Its maps, actors, ties, sources and history go with it, for every member. An owner can restore it from the Workspaces page for{' '}
          {RESTORE_DAYS} days.
        </p>
        <Field label={`Type “${workspace.name}” to confirm`}>
          {(p) => <input {...p} name="confirm-delete" value={typed} autoComplete="off" onChange={(e) => setTyped(e.target.value)} />}
        </Field>
        <button type="button" className="btn btn-danger" disabled={!confirmed || deleting} onClick={() => void remove()}>
          {deleting ? 'Deleting…' : 'Delete workspace'}
        </button>
      </div>
      {problem && (
        <div className="alert alert-error" role="alert">
          {problem}
        </div>
      )}
    </section>
  );
}
