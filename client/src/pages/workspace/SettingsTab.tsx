import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { internalKinds, type InternalFieldLists, type InternalKind } from '../../api/domain';
import { endpoints } from '../../api/endpoints';
import { errorText, keys, useInternalFields } from '../../api/queries';
import { internalFieldLabels, kindLabels } from '../../components/internal-fields';
import { InternalMark } from '../../components/InternalMark';

const label = (kind: InternalKind, field: string) => internalFieldLabels[kind][field] ?? field;

/** The workspace's settings: for now, which fields it keeps to itself. */
export function SettingsTab({ ws, isOwner }: { ws: string; isOwner: boolean }) {
  const settings = useInternalFields(ws);
  const client = useQueryClient();
  const [draft, setDraft] = useState<InternalFieldLists | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (settings.data) setDraft(settings.data.added);
  }, [settings.data]);

  if (settings.isError)
    return (
      <div className="alert alert-error" role="alert">
        Could not load the settings: {errorText(settings.error)}
      </div>
    );
  if (!settings.data || !draft)
    return (
      <p className="page-status" aria-busy="true">
        Loading…
      </p>
    );
  const { always, allowed, version } = settings.data;

  const toggle = (kind: InternalKind, field: string, on: boolean) => {
    setSaved(false);
    setDraft({ ...draft, [kind]: on ? [...draft[kind], field] : draft[kind].filter((f) => f !== field) });
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setSaving(true);
    try {
      const next = await endpoints.setInternalFields(ws, { ...draft, version });
      client.setQueryData(keys.internalFields(ws), next);
      setSaved(true);
    } catch (error) {
      setProblem(errorText(error));
      await client.invalidateQueries({ queryKey: keys.internalFields(ws) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="card settings-card" onSubmit={save} aria-labelledby="internal-fields-title">
      <h2 id="internal-fields-title">Internal fields</h2>
      <p className="muted">
        What this workspace keeps to itself. Internal fields are never shown through a public link, to a coalition partner, in a partner’s
        export or in a partner’s live updates. Members of this workspace always see them.
      </p>
      {!isOwner && <p className="alert alert-info">Only an owner of this workspace can change these.</p>}
      <div className="internal-kinds">
        {internalKinds.map((kind) => (
          <fieldset key={kind} className="internal-kind" disabled={!isOwner || saving}>
            <legend>{kindLabels[kind]}</legend>
            {(always[kind] as string[]).map((field) => (
              <label key={field} className="inline internal-option">
                <input type="checkbox" checked disabled /> {label(kind, field)} <InternalMark /> <span className="muted small">always</span>
              </label>
            ))}
            {(allowed[kind] as string[]).map((field) => (
              <label key={field} className="inline internal-option">
                <input type="checkbox" checked={draft[kind].includes(field)} onChange={(e) => toggle(kind, field, e.target.checked)} />{' '}
                {label(kind, field)}
              </label>
            ))}
          </fieldset>
        ))}
      </div>
      {problem && (
        <div className="alert alert-error" role="alert">
          {problem}
        </div>
      )}
      {saved && (
        <div className="alert alert-info" role="status">
          Saved. Public links show the change at once.
        </div>
      )}
      {isOwner && (
        <button className="btn btn-primary" type="submit" disabled={saving}>
          {saving ? 'Saving…' : 'Save internal fields'}
        </button>
      )}
    </form>
  );
}
