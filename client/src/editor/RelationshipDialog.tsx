import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import {
  endsProblem,
  relationshipCreate,
  relationshipRules,
  relationshipTypeFields,
  relationshipTypes,
  sourceCreate,
  type RelationshipType,
} from '../api/domain';
import { endpoints } from '../api/endpoints';
import { errorText, useSources } from '../api/queries';
import { Field } from '../components/Field';
import { SchemaInput } from '../components/SchemaInput';
import { validate, type FieldErrors } from '../components/validate';
import { visibleRelationships } from '../graph/doc';
import { duplicateTies } from '../graph/duplicate-ties';
import { typeLabels } from '../graph/visual';
import { dispatch } from './commands';
import { useEditor } from './context';
import { Modal } from './Modal';

type SourceMode = 'new' | 'existing' | 'none';

/** After drawing from one actor to another: the type, its fields, and a source to cite. */
export function RelationshipDialog({ ws, from: initialFrom, to: initialTo }: { ws: string; from: string; to: string }) {
  const editor = useEditor();
  const close = () => editor.store.set({ dialog: null });
  const [ends, setEnds] = useState({ from: initialFrom, to: initialTo });
  const fromActor = editor.doc.actors[ends.from];
  const toActor = editor.doc.actors[ends.to];
  const allowed = relationshipTypes.filter((t) => fromActor && toActor && !endsProblem(t, fromActor.kind, toActor.kind));
  const [type, setType] = useState<RelationshipType>(allowed.includes('INFLUENCE') ? 'INFLUENCE' : (allowed[0] ?? 'GENERIC'));
  const [fields, setFields] = useState<Record<string, unknown>>({});
  const [common, setCommon] = useState({
    strength: 3,
    startDate: null as string | null,
    endDate: null as string | null,
    description: '',
    mutual: false,
  });
  const [sourceMode, setSourceMode] = useState<SourceMode>('new');
  const [source, setSource] = useState({ url: '', title: '' });
  const [existing, setExisting] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const sources = useSources(ws);

  if (!fromActor || !toActor) return null;
  const rule = relationshipRules[type];
  const typeFields = relationshipTypeFields[type] as Record<string, z.ZodType>;
  const twoWay = new Set(relationshipTypes.filter((t) => relationshipRules[t].mutual === 'always'));
  const duplicates = duplicateTies(
    {
      type,
      from: ends.from,
      to: ends.to,
      startDate: common.startDate || null,
      endDate: common.endDate || null,
      date: (fields.date as string | null) ?? null,
    },
    visibleRelationships(editor.doc),
    twoWay,
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const placeholder = '00000000-0000-4000-8000-000000000000';
    const data = {
      type,
      from: ends.from,
      to: ends.to,
      ...fields,
      strength: common.strength,
      startDate: common.startDate || null,
      endDate: common.endDate || null,
      description: common.description,
      ...(rule.mutual === 'optional' ? { mutual: common.mutual } : {}),
      sourceIds: sourceMode === 'none' ? [] : [sourceMode === 'existing' ? existing || 'missing' : placeholder],
    };
    const checked = validate(relationshipCreate, data);
    const errs: FieldErrors = checked.ok ? {} : { ...checked.errors };
    if (sourceMode === 'new') {
      const s = validate(sourceCreate, { url: source.url.trim(), title: source.title.trim() || null });
      if (!s.ok) errs.url = s.errors.url ?? 'Check the source';
    }
    if (sourceMode === 'existing' && !existing) errs.existing = 'Choose a source, or add a new one';
    if (errs.sourceIds && sourceMode === 'existing') delete errs.sourceIds;
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      let sourceIds: string[] = [];
      if (sourceMode === 'new')
        sourceIds = [(await endpoints.createSource(ws, { url: source.url.trim(), title: source.title.trim() || null })).id];
      if (sourceMode === 'existing') sourceIds = [existing];
      const ok = await dispatch(editor, 'createRelationship', { data: { ...(checked.ok ? checked.data : data), sourceIds } as never });
      if (ok) close();
    } catch (error) {
      setProblem(`The source could not be saved: ${errorText(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title="New relationship" onClose={close} wide>
      <form onSubmit={submit} noValidate className="rel-form">
        <div className="rel-ends">
          <strong>{fromActor.name}</strong>
          <span className="rel-verb">
            {rule.mutual === 'always' || common.mutual ? '↔' : '→'} {rule.label} {rule.mutual === 'always' || common.mutual ? '↔' : '→'}
          </span>
          <strong>{toActor.name}</strong>
          <button type="button" className="btn btn-small" onClick={() => setEnds({ from: ends.to, to: ends.from })} title="Swap direction">
            ⇄ Swap
          </button>
        </div>
        <div className="form-grid">
          <Field label="Type" error={errors.type}>
            {(p) => (
              <select
                {...p}
                name="type"
                value={type}
                onChange={(e) => {
                  setType(e.target.value as RelationshipType);
                  setFields({});
                }}
              >
                {allowed.map((t) => (
                  <option key={t} value={t}>
                    {typeLabels[t]} — {relationshipRules[t].label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Strength of the tie" error={errors.strength}>
            {(p) => (
              <select {...p} value={common.strength} onChange={(e) => setCommon({ ...common, strength: Number(e.target.value) })}>
                {[1, 2, 3, 4, 5].map((s) => (
                  <option key={s} value={s}>
                    {s} · {['weak', 'loose', 'ordinary', 'close', 'very strong'][s - 1]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {Object.entries(typeFields).map(([key, schema]) => (
            <SchemaInput
              key={`${type}-${key}`}
              name={key}
              schema={schema}
              value={fields[key]}
              error={errors[key]}
              onChange={(v) => setFields({ ...fields, [key]: v })}
            />
          ))}
          <Field label="From (date)" error={errors.startDate}>
            {(p) => (
              <input
                {...p}
                type="date"
                value={common.startDate ?? ''}
                onChange={(e) => setCommon({ ...common, startDate: e.target.value || null })}
              />
            )}
          </Field>
          <Field label="Until (date)" error={errors.endDate}>
            {(p) => (
              <input
                {...p}
                type="date"
                value={common.endDate ?? ''}
                onChange={(e) => setCommon({ ...common, endDate: e.target.value || null })}
              />
            )}
          </Field>
          {rule.mutual === 'optional' && (
            <label className="inline field-check">
              <input type="checkbox" checked={common.mutual} onChange={(e) => setCommon({ ...common, mutual: e.target.checked })} /> Goes
              both ways
            </label>
          )}
        </div>
        <Field label="Notes" error={errors.description}>
          {(p) => (
            <textarea {...p} rows={2} value={common.description} onChange={(e) => setCommon({ ...common, description: e.target.value })} />
          )}
        </Field>
        <fieldset className="source-box">
          <legend>Source — how do we know?</legend>
          <div className="source-modes" role="radiogroup" aria-label="Source">
            <label className="inline">
              <input type="radio" name="source-mode" checked={sourceMode === 'new'} onChange={() => setSourceMode('new')} /> A web page
            </label>
            <label className="inline">
              <input
                type="radio"
                name="source-mode"
                checked={sourceMode === 'existing'}
                onChange={() => setSourceMode('existing')}
                disabled={!sources.data?.length}
              />{' '}
              A source already cited{sources.data?.length ? ` (${sources.data.length})` : ''}
            </label>
            <label className="inline">
              <input type="radio" name="source-mode" checked={sourceMode === 'none'} onChange={() => setSourceMode('none')} /> No source yet
            </label>
          </div>
          {sourceMode === 'new' && (
            <div className="form-grid">
              <Field label="URL" error={errors.url}>
                {(p) => (
                  <input
                    {...p}
                    name="source-url"
                    type="url"
                    placeholder="https://…"
                    value={source.url}
                    onChange={(e) => setSource({ ...source, url: e.target.value })}
                  />
                )}
              </Field>
              <Field label="Title (optional)">
                {(p) => (
                  <input
                    {...p}
                    name="source-title"
                    value={source.title}
                    onChange={(e) => setSource({ ...source, title: e.target.value })}
                  />
                )}
              </Field>
            </div>
          )}
          {sourceMode === 'existing' && (
            <Field label="Source" error={errors.existing}>
              {(p) => (
                <select {...p} value={existing} onChange={(e) => setExisting(e.target.value)}>
                  <option value="">Choose…</option>
                  {(sources.data ?? []).map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.title ?? s.url}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          {sourceMode === 'none' && <p className="field-hint">Uncited ties are drawn dashed and listed for follow-up research.</p>}
        </fieldset>
        {duplicates.length > 0 && (
          <div className="alert alert-warn" role="status">
            {fromActor.name} and {toActor.name} already have {duplicates.length === 1 ? 'a' : duplicates.length}{' '}
            {typeLabels[type].toLowerCase()} {duplicates.length === 1 ? 'tie' : 'ties'} with these dates: this one may be the same fact
            twice.
          </div>
        )}
        {problem && (
          <div className="alert alert-error" role="alert">
            {problem}
          </div>
        )}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Create relationship
          </button>
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
