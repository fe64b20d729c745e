import { useState, type FormEvent } from 'react';
import { useLiveForm } from '../useLiveForm';
import { ClashNotices } from './ClashNotices';
import type { z } from 'zod';
import { relationshipData, relationshipRules, relationshipTypeFields, type Relationship } from '../../api/domain';
import { useSources } from '../../api/queries';
import { Field } from '../../components/Field';
import { SchemaInput } from '../../components/SchemaInput';
import { validate, type FieldErrors } from '../../components/validate';
import { typeLabels } from '../../graph/visual';
import { dispatch } from '../commands';
import { useEditor } from '../context';
import { TieTaskButton } from './TieTaskButton';

const META = ['id', 'version', 'createdAt', 'updatedAt'];

const fieldNames: Record<string, string> = {
  strength: 'the strength',
  description: 'the notes',
  privateNotes: 'the private notes',
  sourceIds: 'the sources',
  startDate: 'the start date',
  endDate: 'the end date',
  amount: 'the amount',
};

/** `internal`: the relationship fields this workspace keeps to itself (privateNotes always). */
export function RelationshipForm({
  ws,
  relationship,
  internal = [],
}: {
  ws: string;
  relationship: Relationship;
  internal?: readonly string[];
}) {
  const editor = useEditor();
  const sources = useSources(ws);
  const record: Record<string, unknown> = Object.fromEntries(Object.entries(relationship).filter(([k]) => !META.includes(k)));
  const {
    form: values,
    setForm: setValues,
    clashes,
    keepMine,
    takeTheirs,
    save: saving,
  } = useLiveForm(`relationship:${relationship.id}`, record, () => editor.state.authors[relationship.id] ?? null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const from = editor.doc.actors[relationship.from]?.name ?? '?';
  const to = editor.doc.actors[relationship.to]?.name ?? '?';
  const rule = relationshipRules[relationship.type];
  const typeFields = relationshipTypeFields[relationship.type] as Record<string, z.ZodType>;
  const cited = (sources.data ?? []).filter((s) => relationship.sourceIds.includes(s.id));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const data = Object.fromEntries(Object.entries(values).filter(([k]) => !META.includes(k)));
    const checked = validate(relationshipData, data);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    const { type: _t, from: _f, to: _to, ...patch } = checked.data as Record<string, unknown>;
    if (await saving(async () => (await dispatch(editor, 'updateRelationship', { id: relationship.id, patch })) === true))
      editor.say('info', 'Relationship saved.');
  };

  return (
    <form className="panel inspector-form" onSubmit={save} noValidate>
      <h3>{typeLabels[relationship.type]}</h3>
      <p className="rel-sentence">
        {from} <span className="muted">{rule.label}</span> {to}
      </p>
      <ClashNotices clashes={clashes} labels={fieldNames} onKeep={keepMine} onTake={takeTheirs} />
      <fieldset disabled={!editor.me.canEdit}>
        {Object.entries(typeFields).map(([key, schema]) => (
          <SchemaInput
            key={key}
            name={key}
            schema={schema}
            value={values[key]}
            error={errors[key]}
            onChange={(v) => setValues({ ...values, [key]: v })}
          />
        ))}
        <Field label="Strength (1 weak … 5 strong)" error={errors.strength} internal={internal.includes('strength')}>
          {(p) => (
            <input
              {...p}
              type="number"
              min={1}
              max={5}
              value={String(values.strength ?? 3)}
              onChange={(e) => setValues({ ...values, strength: Number(e.target.value) })}
            />
          )}
        </Field>
        <Field label="Notes" error={errors.description} internal={internal.includes('description')}>
          {(p) => (
            <textarea
              {...p}
              rows={2}
              value={String(values.description ?? '')}
              onChange={(e) => setValues({ ...values, description: e.target.value })}
            />
          )}
        </Field>
        <Field label="Private notes" error={errors.privateNotes} internal>
          {(p) => (
            <textarea
              {...p}
              rows={2}
              value={String(values.privateNotes ?? '')}
              onChange={(e) => setValues({ ...values, privateNotes: e.target.value })}
            />
          )}
        </Field>
        <div className="field">
          <span className="label">Sources</span>
          {relationship.sourceIds.length === 0 ? (
            <div className="uncited-row">
              <p className="warn small">No source cited yet.</p>
              {editor.me.canEdit && <TieTaskButton ws={ws} relationshipId={relationship.id} />}
            </div>
          ) : (
            <ul className="source-list">
              {cited.map((s) => (
                <li key={s.id}>
                  <a href={s.url} target="_blank" rel="noreferrer">
                    {s.title ?? s.url}
                  </a>
                </li>
              ))}
              {cited.length < relationship.sourceIds.length && (
                <li className="muted">{relationship.sourceIds.length - cited.length} more</li>
              )}
            </ul>
          )}
          {editor.me.canEdit && (
            <select
              aria-label="Cite another source"
              value=""
              onChange={(e) => e.target.value && setValues({ ...values, sourceIds: [...(values.sourceIds as string[]), e.target.value] })}
            >
              <option value="">Cite a source already in the workspace…</option>
              {(sources.data ?? [])
                .filter((s) => !(values.sourceIds as string[]).includes(s.id))
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.title ?? s.url}
                  </option>
                ))}
            </select>
          )}
        </div>
        {editor.me.canEdit && (
          <div className="form-actions">
            <button className="btn btn-primary" type="submit">
              Save
            </button>
            <button
              className="btn btn-danger"
              type="button"
              onClick={() => void dispatch(editor, 'deleteRelationship', relationship.id)}
              title="Delete this relationship (undo brings it back)"
            >
              Delete
            </button>
          </div>
        )}
      </fieldset>
    </form>
  );
}
