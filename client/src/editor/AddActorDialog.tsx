import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { actorCreate, actorRoles, sectors, type Actor, type ActorRole } from '../api/domain';
import { endpoints } from '../api/endpoints';
import { ActorGlyph } from '../components/ActorGlyph';
import { Field } from '../components/Field';
import { validate, type FieldErrors } from '../components/validate';
import { likelyDuplicates } from '../graph/match';
import { alignmentLabels, powerLabels, roleLabels } from '../graph/visual';
import { dispatch } from './commands';
import { useEditor } from './context';
import { Modal } from './Modal';
import { newActorSpot } from './placement';
import { alignmentScale, powerScale, signed } from '../graph/scales';

/** Type a name, see who already exists (no duplicates by accident), then create. */
export function AddActorDialog({ ws, position }: { ws: string; position?: { x: number; y: number } | undefined }) {
  const editor = useEditor();
  const close = () => editor.store.set({ dialog: null });
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'person' | 'organization'>('person');
  const [organized, setOrganized] = useState(false);
  const [roles, setRoles] = useState<ActorRole[]>([]);
  const [sector, setSector] = useState('');
  const [power, setPower] = useState('');
  const [alignment, setAlignment] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [remote, setRemote] = useState<Actor[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (name.trim().length < 2) return setRemote([]);
    let live = true;
    const t = setTimeout(() => {
      endpoints.search(ws, name.trim(), 6).then(
        (r) => live && setRemote(r.items),
        () => live && setRemote([]),
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [name, ws]);

  const matches = useMemo(() => {
    const local = likelyDuplicates(name, Object.values(editor.doc.actors)) as Actor[];
    const seen = new Set(local.map((a) => a.id));
    return [...local, ...remote.filter((a) => !seen.has(a.id))].slice(0, 6);
  }, [name, remote, editor]);

  // Chosen when the actor is made, so it is beside what is selected and clear of everyone then.
  const place = () => position ?? newActorSpot(editor);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const data = {
      kind,
      name,
      organized: kind === 'organization' ? organized : false,
      roles,
      sector: sector || null,
      power: power === '' ? null : Number(power),
      alignment: alignment === '' ? null : Number(alignment),
    };
    const checked = validate(actorCreate, data);
    if (!checked.ok) return setErrors(checked.errors);
    setBusy(true);
    const ok = await dispatch(editor, 'createActor', { data: checked.data, position: place() });
    setBusy(false);
    if (ok) close();
  };

  const chooseExisting = async (actor: Actor) => {
    if (!editor.doc.members[actor.id]) await dispatch(editor, 'addToMap', { actors: [actor], positions: { [actor.id]: place() } });
    editor.store.set({ dialog: null, selection: { actors: [actor.id], relationships: [] }, focusRequest: { id: actor.id, n: Date.now() } });
  };

  return (
    <Modal title="Add an actor" onClose={close} wide>
      <form onSubmit={submit} noValidate className="add-actor">
        <Field label="Name" error={errors.name} hint="Type a name: people and organisations already in the workspace show up first.">
          {(p) => <input {...p} name="actor-name" autoFocus value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />}
        </Field>
        {matches.length > 0 && (
          <div className="matches" aria-live="polite">
            <div className="matches-title">Already in the workspace — is it one of these?</div>
            <ul>
              {matches.map((a) => (
                <li key={a.id}>
                  <ActorGlyph actor={a} />
                  <span className="match-name">{a.name}</span>
                  <span className="muted">
                    {a.kind}
                    {a.sector ? ` · ${a.sector}` : ''}
                  </span>
                  <button type="button" className="btn btn-small" onClick={() => void chooseExisting(a)}>
                    {editor.doc.members[a.id] ? 'Show on map' : 'Add this one'}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        <div className="form-grid">
          <fieldset className="field">
            <legend>Kind</legend>
            <label className="inline">
              <input type="radio" name="kind" checked={kind === 'person'} onChange={() => setKind('person')} /> Person
            </label>
            <label className="inline">
              <input type="radio" name="kind" checked={kind === 'organization'} onChange={() => setKind('organization')} /> Organisation
            </label>
            {kind === 'organization' && (
              <label className="inline">
                <input type="checkbox" checked={organized} onChange={(e) => setOrganized(e.target.checked)} /> Organised group (drawn as a
                rectangle)
              </label>
            )}
          </fieldset>
          <Field label="Sector" error={errors.sector}>
            {(p) => (
              <select {...p} value={sector} onChange={(e) => setSector(e.target.value)}>
                <option value="">—</option>
                {sectors.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Power over the decision" error={errors.power}>
            {(p) => (
              <select {...p} value={power} onChange={(e) => setPower(e.target.value)}>
                <option value="">Not assessed yet</option>
                {powerScale.map((v) => (
                  <option key={v} value={v}>
                    {v} · {powerLabels[v]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Alignment with us" error={errors.alignment}>
            {(p) => (
              <select {...p} value={alignment} onChange={(e) => setAlignment(e.target.value)}>
                <option value="">Not assessed yet</option>
                {alignmentScale.map((v) => (
                  <option key={v} value={v}>
                    {signed(v)} · {alignmentLabels[v]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <fieldset className="field roles">
          <legend>Roles</legend>
          {actorRoles.map((r) => (
            <label key={r} className="inline chip-check">
              <input
                type="checkbox"
                checked={roles.includes(r)}
                onChange={(e) => setRoles(e.target.checked ? [...roles, r] : roles.filter((x) => x !== r))}
              />{' '}
              {roleLabels[r]}
            </label>
          ))}
          {errors.roles && <div className="field-error">{errors.roles}</div>}
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {matches.length ? `Create “${name.trim() || 'new actor'}” anyway` : 'Create actor'}
          </button>
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
