import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { mapLinkCreate, type MapLink, type MapLinkCreated } from '../api/domain';
import { endpoints } from '../api/endpoints';
import { ApiError } from '../api/http';
import { errorText, keys, useInternalFields, useMapLinks } from '../api/queries';
import { Field } from '../components/Field';
import { internalFieldLabels } from '../components/internal-fields';
import { Link } from '../components/Link';
import { validate, type FieldErrors } from '../components/validate';
import { paths } from '../router';
import { useEditor, useEditorState } from './context';
import { Modal } from './Modal';
import '../sharing.css';

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
const attr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function embedSnippet(link: Pick<MapLinkCreated, 'embedUrl'>, title: string) {
  return `<iframe src="${attr(link.embedUrl)}" title="${attr(title)} (powermap)" width="100%" height="560" style="border:1px solid #d9dde4;border-radius:8px" loading="lazy" referrerpolicy="no-referrer"></iframe>`;
}

/** Copies through the clipboard API, or by selecting the text where that is not allowed (plain http). */
async function copy(text: string, field: HTMLInputElement | HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field?.select();
    return document.execCommand('copy');
  }
}

function CopyRow({ label, value, multiline = false }: { label: string; value: string; multiline?: boolean }) {
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <Field label={label}>
      {(p) => (
        <div className="copy-row">
          {multiline ? (
            <textarea {...p} ref={ref} readOnly rows={3} value={value} onFocus={(e) => e.target.select()} />
          ) : (
            <input {...p} ref={ref} readOnly value={value} onFocus={(e) => e.target.select()} />
          )}
          <button type="button" className="btn btn-small" onClick={async () => setCopied(await copy(value, ref.current))}>
            {copied ? 'Copied' : 'Copy'}
          </button>
          <span className="sr-only" aria-live="polite">
            {copied ? `${label} copied` : copied === false ? 'Select the text and copy it yourself' : ''}
          </span>
        </div>
      )}
    </Field>
  );
}

function LinkRow({ link, onRevoke }: { link: MapLink; onRevoke: () => Promise<void> }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const when = link.expiresAt ? (link.expired ? `expired ${day(link.expiresAt)}` : `until ${day(link.expiresAt)}`) : 'no expiry';
  return (
    <li className="share-link">
      <span className="share-link-main">
        <span>
          {link.story ? 'Map and story' : 'Map only'} · <span className={link.expired ? 'warn' : ''}>{when}</span>
        </span>
        <span className="muted small">
          Made {day(link.createdAt)}
          {link.createdBy ? ` by ${link.createdBy}` : ''}
        </span>
      </span>
      {confirming ? (
        <span className="btn-row">
          <button
            type="button"
            className="btn btn-small btn-danger"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              await onRevoke();
              setBusy(false);
              setConfirming(false);
            }}
          >
            Revoke now
          </button>
          <button type="button" className="btn btn-small" onClick={() => setConfirming(false)}>
            Keep
          </button>
        </span>
      ) : (
        <button
          type="button"
          className="btn btn-small"
          aria-label={`Revoke the link made ${day(link.createdAt)} (${when})`}
          onClick={() => setConfirming(true)}
        >
          Revoke
        </button>
      )}
    </li>
  );
}

/** Public read-only links to this map: make one, copy it or its embed code, see and revoke the live ones. */
export function ShareDialog({ ws, mapId }: { ws: string; mapId: string }) {
  const editor = useEditor();
  const mapName = useEditorState((s) => s.doc.mapName);
  const steps = useEditorState((s) => s.doc.annotations.length);
  const links = useMapLinks(ws, mapId);
  const internal = useInternalFields(ws);
  const client = useQueryClient();
  const [expires, setExpires] = useState('');
  // Until the person chooses, a map with a story shares it (the story may load after the dialog opens).
  const [storyChoice, setStoryChoice] = useState<boolean | null>(null);
  const story = storyChoice ?? steps > 0;
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [created, setCreated] = useState<MapLinkCreated | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => editor.store.set({ dialog: null });
  const refresh = () => client.invalidateQueries({ queryKey: keys.mapLinks(ws, mapId) });

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    // The link lasts to the end of the chosen day, where the person choosing it is.
    const at = expires ? new Date(`${expires}T23:59:59`) : null;
    if (at && Number.isNaN(at.getTime())) return setErrors({ expires: 'Must be a date' });
    const expiresAt = at ? at.toISOString() : null;
    if (expiresAt && Date.parse(expiresAt) <= Date.now()) return setErrors({ expires: 'Must be today or later' });
    const checked = validate(mapLinkCreate, { story, expiresAt });
    if (!checked.ok) return setErrors({ expires: checked.errors.expiresAt ?? '', story: checked.errors.story ?? '' });
    setErrors({});
    setBusy(true);
    try {
      setCreated(await endpoints.createMapLink(ws, mapId, checked.data));
      await refresh();
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors().expiresAt) setErrors({ expires: error.fieldErrors().expiresAt! });
      else setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (id: string) => {
    try {
      await endpoints.revokeMapLink(ws, mapId, id);
      if (created?.id === id) setCreated(null);
    } catch (error) {
      setProblem(errorText(error));
    }
    await refresh();
  };

  const withheld = internal.data
    ? [...internal.data.always.actor, ...internal.data.added.actor]
        .map((f) => internalFieldLabels.actor[f] ?? f)
        .concat(internal.data.added.relationship.map((f) => `${(internalFieldLabels.relationship[f] ?? f).toLowerCase()} of ties`))
    : ['Who among us knows them', 'Private notes'];

  return (
    <Modal title="Share this map" onClose={close} wide>
      <p>
        Anyone with a public link sees this map read-only, without signing in: its actors, the ties among them, where they sit
        {steps ? ' and, if you choose, its story' : ''}. Nothing else of the workspace.
      </p>
      <p className="muted small">
        Never shown: {withheld.join(', ')}. {internal.data && <Link to={paths.workspace(ws, 'settings')}>Internal fields</Link>}
      </p>

      <form onSubmit={create} noValidate>
        <div className="share-options">
          <Field label="Expires (optional)" error={errors.expires || undefined} hint="The link stops working after this day.">
            {(p) => <input {...p} type="date" min={today()} value={expires} onChange={(e) => setExpires(e.target.value)} />}
          </Field>
          <label className="inline field-check">
            <input type="checkbox" checked={story} disabled={steps === 0} onChange={(e) => setStoryChoice(e.target.checked)} />
            Include the story{steps ? ` (${steps} step${steps === 1 ? '' : 's'})` : ' (this map has none yet)'}
          </label>
        </div>
        {problem && (
          <div className="alert alert-error" role="alert">
            {problem}
          </div>
        )}
        <button className="btn btn-primary" type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create public link'}
        </button>
      </form>

      {created && (
        <div className="share-created" role="status">
          <p className="small">
            <strong>Copy the link now:</strong> it is shown only this once. Revoke it below when it should stop working.
          </p>
          <CopyRow label="Public link" value={created.url} />
          <CopyRow label="Embed code for a web page" value={embedSnippet(created, mapName || 'Power map')} multiline />
        </div>
      )}

      <h3 className="share-list-title">Live links</h3>
      {links.isError && (
        <div className="alert alert-error" role="alert">
          Could not load the links: {errorText(links.error)}
        </div>
      )}
      {links.data && links.data.length === 0 && <p className="muted small">No public links to this map.</p>}
      <ul className="share-links" aria-label="Live links">
        {(links.data ?? []).map((l) => (
          <LinkRow key={l.id} link={l} onRevoke={() => revoke(l.id)} />
        ))}
      </ul>
    </Modal>
  );
}
