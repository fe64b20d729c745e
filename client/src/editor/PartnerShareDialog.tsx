import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { createPortal } from 'react-dom';
import { shareCreate, type Share, type ShareAccess } from '../api/domain';
import { endpoints } from '../api/endpoints';
import { ApiError } from '../api/http';
import { errorText, keys, useMapShares } from '../api/queries';
import { Field } from '../components/Field';
import { validate, type FieldErrors } from '../components/validate';
import { Modal } from './Modal';
import '../partner-sharing.css';

const statusText: Record<Share['status'], string> = { pending: 'waiting for their owner', accepted: 'accepted', declined: 'declined' };

/** The owner's "Share…" button in the map editor, and the dialog it opens. */
export function ShareButton({ ws, mapId, mapName }: { ws: string; mapId: string; mapName: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn btn-ghost-dark" onClick={() => setOpen(true)} aria-label="Share with a partner…">
        <span>
          Share<span className="wide-only"> with a partner</span>…
        </span>
      </button>
      {/* Out of the header it is opened from, whose colours it would otherwise inherit. */}
      {open && createPortal(<ShareDialog ws={ws} mapId={mapId} mapName={mapName} onClose={() => setOpen(false)} />, document.body)}
    </>
  );
}

/**
 * Offer the map to a partner workspace by the id its owner gives out, to read or to edit;
 * see who has it and revoke. Partners never see contact owners or private notes.
 */
export function ShareDialog({ ws, mapId, mapName, onClose }: { ws: string; mapId: string; mapName: string; onClose: () => void }) {
  const shares = useMapShares(ws, mapId);
  const client = useQueryClient();
  const [form, setForm] = useState<{ partnerWorkspaceId: string; access: ShareAccess }>({ partnerWorkspaceId: '', access: 'read' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A first load still under way read the list before this change: cancelled, not reused.
  const refresh = async () => {
    await client.cancelQueries({ queryKey: keys.mapShares(ws, mapId) });
    await Promise.all([
      client.invalidateQueries({ queryKey: keys.mapShares(ws, mapId) }),
      client.invalidateQueries({ queryKey: keys.outgoingShares(ws) }),
    ]);
  };

  const offer = async (e: FormEvent) => {
    e.preventDefault();
    const checked = validate(shareCreate, { ...form, partnerWorkspaceId: form.partnerWorkspaceId.trim() });
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setProblem(null);
    setBusy(true);
    try {
      await endpoints.offerShare(ws, mapId, checked.data);
      setForm({ partnerWorkspaceId: '', access: 'read' });
      await refresh();
    } catch (error) {
      const fields = error instanceof ApiError ? error.fieldErrors() : {};
      if (fields.partnerWorkspaceId) setErrors({ partnerWorkspaceId: error instanceof Error ? error.message : fields.partnerWorkspaceId });
      else setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (share: Share) => {
    if (!window.confirm(`Stop sharing “${mapName}” with ${share.partnerWorkspace.name}? They lose it at once.`)) return;
    try {
      await endpoints.revokeShare(ws, mapId, share.id);
      await refresh();
    } catch (error) {
      setProblem(errorText(error));
    }
  };

  const items = shares.data?.items ?? [];
  const added = shares.data?.contributions ?? [];
  return (
    <Modal title="Share with a partner" onClose={onClose} wide>
      <p className="muted">
        A partner workspace sees this map’s actors, the ties among them, the layout and the story — never who among you knows them or your
        private notes. Its owner accepts the offer first. With edit access its editors can also add actors and ties; they land here, marked
        as theirs.
      </p>
      <form className="share-form" onSubmit={offer} noValidate>
        <Field
          label="Partner workspace id"
          error={errors.partnerWorkspaceId}
          hint="Their owner finds it on their workspace’s Coalition tab."
        >
          {(p) => (
            <input
              {...p}
              name="partner-workspace-id"
              placeholder="e.g. 6f1c…-…"
              autoComplete="off"
              value={form.partnerWorkspaceId}
              onChange={(e) => setForm({ ...form, partnerWorkspaceId: e.target.value })}
            />
          )}
        </Field>
        <Field label="Access" error={errors.access}>
          {(p) => (
            <select {...p} value={form.access} onChange={(e) => setForm({ ...form, access: e.target.value as ShareAccess })}>
              <option value="read">Read — see the map</option>
              <option value="edit">Edit — also add actors and ties</option>
            </select>
          )}
        </Field>
        <button className="btn btn-primary" type="submit" disabled={busy}>
          Offer the map
        </button>
      </form>
      {problem && (
        <div className="alert alert-error" role="alert">
          {problem}
        </div>
      )}
      <h3 className="share-list-title">Shared with</h3>
      {shares.isPending && <p className="muted">Loading…</p>}
      {shares.isSuccess && items.length === 0 && <p className="muted">Nobody yet.</p>}
      <ul className="share-list" aria-label="Partners this map is shared with">
        {items.map((s) => (
          <li key={s.id}>
            <span className="share-who">{s.partnerWorkspace.name}</span>
            <span className={`badge badge-${s.access}`}>{s.access}</span>
            <span className={`share-status share-${s.status}`}>{statusText[s.status]}</span>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => void revoke(s)}
              aria-label={`Revoke the share with ${s.partnerWorkspace.name}`}
            >
              Revoke
            </button>
          </li>
        ))}
      </ul>
      {added.length > 0 && (
        <p className="muted small">
          Partners added {added.filter((c) => c.entityType === 'actor').length} actor(s) and{' '}
          {added.filter((c) => c.entityType === 'relationship').length} tie(s) to this map; their ties are drawn in their organisation’s
          colour.
        </p>
      )}
    </Modal>
  );
}
