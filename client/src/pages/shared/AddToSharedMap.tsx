import { useState, type FormEvent } from 'react';
import { relationshipRules, relationshipTypes, sharedActorCreate, type RelationshipType } from '../../api/domain';
import { endpoints } from '../../api/endpoints';
import { ApiError } from '../../api/http';
import { errorText } from '../../api/queries';
import { Field } from '../../components/Field';
import { validate, type FieldErrors } from '../../components/validate';
import { useEditor, useEditorState } from '../../editor/context';
import { visibleActors } from '../../graph/doc';
import { alignmentLabels, powerLabels, typeLabels } from './labels';
import { alignmentScale, powerScale, signed } from '../../graph/scales';

/** Errors from the server, by field, or as one sentence. */
function explain(error: unknown, setErrors: (e: FieldErrors) => void, setProblem: (p: string) => void) {
  const fields = error instanceof ApiError ? error.fieldErrors() : {};
  if (Object.keys(fields).length) setErrors(fields);
  else setProblem(errorText(error));
}

/** Just to the right of what is drawn, so a new actor never lands on another. */
function besideTheMap(members: Record<string, { x: number | null; y: number | null }>) {
  const placed = Object.values(members).filter((m) => m.x !== null && m.y !== null) as { x: number; y: number }[];
  if (!placed.length) return { x: 0, y: 0 };
  return { x: Math.round(Math.max(...placed.map((m) => m.x)) + 140), y: Math.round(placed.reduce((s, m) => s + m.y, 0) / placed.length) };
}

export function AddSharedActor({ ws, shareId, onAdded }: { ws: string; shareId: string; onAdded: () => Promise<unknown> }) {
  const editor = useEditor();
  const [form, setForm] = useState({ name: '', kind: 'person' as 'person' | 'organization', power: '', alignment: '', description: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const data = {
      name: form.name,
      kind: form.kind,
      description: form.description,
      power: form.power === '' ? null : Number(form.power),
      alignment: form.alignment === '' ? null : Number(form.alignment),
      position: besideTheMap(editor.doc.members),
    };
    const checked = validate(sharedActorCreate, data);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setProblem(null);
    try {
      const actor = await endpoints.addSharedActor(ws, shareId, checked.data);
      await onAdded();
      setDone(`${actor.name} is on the map.`);
      setForm({ ...form, name: '', description: '' });
      editor.store.set({ selection: { actors: [actor.id], relationships: [] }, focusRequest: { id: actor.id, n: Date.now() } });
    } catch (error) {
      explain(error, setErrors, setProblem);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Add an actor to the shared map">
      <h4>Add an actor</h4>
      <p className="muted small">It goes into the owner’s workspace and onto this map, marked as added by your organisation.</p>
      <Field label="Name" error={errors.name}>
        {(p) => <input {...p} name="shared-actor-name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />}
      </Field>
      <fieldset className="field">
        <legend>Kind</legend>
        <label className="inline">
          <input type="radio" name="shared-kind" checked={form.kind === 'person'} onChange={() => setForm({ ...form, kind: 'person' })} />{' '}
          Person
        </label>
        <label className="inline">
          <input
            type="radio"
            name="shared-kind"
            checked={form.kind === 'organization'}
            onChange={() => setForm({ ...form, kind: 'organization' })}
          />{' '}
          Organisation
        </label>
      </fieldset>
      <Field label="Power over the decision" error={errors.power}>
        {(p) => (
          <select {...p} value={form.power} onChange={(e) => setForm({ ...form, power: e.target.value })}>
            <option value="">Not assessed yet</option>
            {powerScale.map((v) => (
              <option key={v} value={v}>
                {v} · {powerLabels[v]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Alignment with the campaign" error={errors.alignment}>
        {(p) => (
          <select {...p} value={form.alignment} onChange={(e) => setForm({ ...form, alignment: e.target.value })}>
            <option value="">Not assessed yet</option>
            {alignmentScale.map((v) => (
              <option key={v} value={v}>
                {signed(v)} · {alignmentLabels[v]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="About them" error={errors.description}>
        {(p) => <textarea {...p} rows={2} value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />}
      </Field>
      {problem && (
        <div className="alert alert-error" role="alert">
          {problem}
        </div>
      )}
      {done && (
        <div className="alert alert-info" role="status">
          {done}
        </div>
      )}
      <button className="btn btn-primary" type="submit">
        Add to the map
      </button>
    </form>
  );
}

export function AddSharedTie({ ws, shareId, onAdded }: { ws: string; shareId: string; onAdded: () => Promise<unknown> }) {
  const editor = useEditor();
  const doc = useEditorState((s) => s.doc);
  const selection = useEditorState((s) => s.selection);
  const actors = visibleActors(doc).sort((a, b) => a.name.localeCompare(b.name));
  const [form, setForm] = useState({
    from: selection.actors[0] ?? '',
    to: selection.actors[1] ?? '',
    type: 'SOCIAL' as RelationshipType,
    strength: '3',
    description: '',
    url: '',
    title: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing: FieldErrors = {};
    if (!form.from) missing.from = 'Choose who the tie starts at';
    if (!form.to) missing.to = 'Choose who the tie goes to';
    if (Object.keys(missing).length) return setErrors(missing);
    setErrors({});
    setProblem(null);
    try {
      const tie = await endpoints.addSharedRelationship(ws, shareId, {
        type: form.type,
        from: form.from,
        to: form.to,
        strength: Number(form.strength),
        description: form.description,
        ...(form.url.trim() ? { source: { url: form.url.trim(), ...(form.title.trim() ? { title: form.title.trim() } : {}) } } : {}),
      });
      await onAdded();
      setDone('The tie is on the map.');
      setForm({ ...form, description: '', url: '', title: '' });
      editor.store.set({ selection: { actors: [], relationships: [tie.id] } });
    } catch (error) {
      const fields = error instanceof ApiError ? error.fieldErrors() : {};
      if (fields.source) {
        fields.url = fields.source;
        delete fields.source;
      }
      if (Object.keys(fields).length) setErrors(fields);
      else setProblem(errorText(error));
    }
  };

  const select = (label: string, key: 'from' | 'to') => (
    <Field label={label} error={errors[key]}>
      {(p) => (
        <select {...p} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })}>
          <option value="">Choose an actor…</option>
          {actors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <form onSubmit={submit} noValidate aria-label="Add a tie to the shared map">
      <h4>Add a tie</h4>
      <p className="muted small">Between two actors on this map. It is drawn in your organisation’s colour.</p>
      {select('From', 'from')}
      <Field label="Kind of tie" error={errors.type}>
        {(p) => (
          <select {...p} value={form.type} onChange={(e) => setForm({ ...form, type: e.target.value as RelationshipType })}>
            {relationshipTypes.map((t) => (
              <option key={t} value={t}>
                {typeLabels[t]} — {relationshipRules[t].label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {select('To', 'to')}
      <Field label="Strength (1 weak … 5 strong)" error={errors.strength}>
        {(p) => (
          <input
            {...p}
            type="number"
            min={1}
            max={5}
            value={form.strength}
            onChange={(e) => setForm({ ...form, strength: e.target.value })}
          />
        )}
      </Field>
      <Field label="Notes" error={errors.description}>
        {(p) => <textarea {...p} rows={2} value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />}
      </Field>
      <Field label="Source URL" error={errors.url} hint="Where this is shown: an article, a filing, a post.">
        {(p) => <input {...p} type="url" value={form.url} onChange={(e) => setForm({ ...form, url: e.target.value })} />}
      </Field>
      {form.url && (
        <Field label="Source title">
          {(p) => <input {...p} value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />}
        </Field>
      )}
      {problem && (
        <div className="alert alert-error" role="alert">
          {problem}
        </div>
      )}
      {done && (
        <div className="alert alert-info" role="status">
          {done}
        </div>
      )}
      <button className="btn btn-primary" type="submit">
        Add the tie
      </button>
    </form>
  );
}
