import { useState, type FormEvent } from 'react';
import { stepHighlight } from '../graph/story';
import { annotation } from '../api/domain';
import { Field } from '../components/Field';
import { validate, type FieldErrors } from '../components/validate';
import { dispatch } from './commands';
import { useEditor, useEditorState } from './context';

/** Story mode: ordered steps, each highlighting part of the map with a few words. */
export function StoryPanel() {
  const editor = useEditor();
  const steps = useEditorState((s) => s.doc.annotations);
  const selection = useEditorState((s) => s.selection);
  const [form, setForm] = useState({ title: '', text: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const count = selection.actors.length + selection.relationships.length;

  const add = async (e: FormEvent) => {
    e.preventDefault();
    const checked = validate(annotation, {
      id: crypto.randomUUID(),
      ...form,
      actorIds: selection.actors,
      relationshipIds: selection.relationships,
    });
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    if (await dispatch(editor, 'addStoryStep', form)) setForm({ title: '', text: '' });
  };
  const show = (i: number) => {
    const s = steps[i];
    if (s) editor.store.set({ highlight: stepHighlight(s, editor.doc) });
  };

  return (
    <div className="panel">
      <div className="panel-head">
        <h3>Story</h3>
        <button
          className="btn btn-primary btn-small"
          disabled={!steps.length}
          onClick={() => {
            editor.store.set({ story: 0 });
            show(0);
          }}
        >
          ▶ Present
        </button>
      </div>
      {steps.length === 0 && (
        <p className="muted">
          Tell the map as a story: select actors and ties, write what they show, and add it as a step. Present steps one by one in a
          meeting.
        </p>
      )}
      <ol className="story-steps">
        {steps.map((s, i) => (
          <li key={s.id}>
            <button className="linklike story-title" onClick={() => show(i)}>
              {i + 1}. {s.title}
            </button>
            <span className="muted small">
              {s.actorIds.length} actors · {s.relationshipIds.length} ties
            </span>
            {editor.me.canEdit && (
              <span className="row-actions">
                <button
                  className="icon-btn"
                  aria-label={`Move “${s.title}” up`}
                  disabled={i === 0}
                  onClick={() => void dispatch(editor, 'moveStoryStep', { id: s.id, by: -1 })}
                >
                  ↑
                </button>
                <button
                  className="icon-btn"
                  aria-label={`Move “${s.title}” down`}
                  disabled={i === steps.length - 1}
                  onClick={() => void dispatch(editor, 'moveStoryStep', { id: s.id, by: 1 })}
                >
                  ↓
                </button>
                <button
                  className="icon-btn"
                  aria-label={`Remove “${s.title}”`}
                  onClick={() => void dispatch(editor, 'removeStoryStep', { id: s.id })}
                >
                  ×
                </button>
              </span>
            )}
          </li>
        ))}
      </ol>
      {editor.me.canEdit && (
        <form className="story-form" onSubmit={add} noValidate>
          <h4>New step from the selection</h4>
          <p className="muted small">
            {count
              ? `Highlights the ${count} selected element${count === 1 ? '' : 's'}.`
              : 'Select actors or ties on the map first (or add a text-only step).'}
          </p>
          <Field label="Title" error={errors.title}>
            {(p) => <input {...p} value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />}
          </Field>
          <Field label="What it shows" error={errors.text}>
            {(p) => <textarea {...p} rows={3} value={form.text} onChange={(e) => setForm({ ...form, text: e.target.value })} />}
          </Field>
          <button className="btn" type="submit">
            Add step
          </button>
        </form>
      )}
    </div>
  );
}
