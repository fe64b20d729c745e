import { useEffect } from 'react';
import { useEditor, useEditorState } from './context';

/** The presenter view: one story step at a time over the map, arrows to move on. */
export function Presenter() {
  const editor = useEditor();
  const index = useEditorState((s) => s.story);
  const steps = useEditorState((s) => s.doc.annotations);
  const step = index === null ? undefined : steps[index];

  useEffect(() => {
    if (index === null) return;
    const s = steps[index];
    if (s) editor.store.set({ highlight: { actors: s.actorIds, relationships: s.relationshipIds, label: s.title } });
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'ArrowRight' || e.key === ' ') go(1);
      else if (e.key === 'ArrowLeft') go(-1);
      else return;
      e.preventDefault();
    };
    const go = (by: number) => {
      const next = index + by;
      if (next >= 0 && next < steps.length) editor.store.set({ story: next });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [index, steps, editor]);

  if (index === null || !step) return null;
  const stop = () => editor.store.set({ story: null, highlight: null });
  return (
    <div className="presenter" role="region" aria-label="Story">
      <div className="presenter-count">
        Step {index + 1} of {steps.length}
      </div>
      <h2>{step.title}</h2>
      {step.text && <p>{step.text}</p>}
      <div className="presenter-nav">
        <button className="btn" disabled={index === 0} onClick={() => editor.store.set({ story: index - 1 })}>
          ← Previous
        </button>
        <button className="btn btn-primary" disabled={index === steps.length - 1} onClick={() => editor.store.set({ story: index + 1 })}>
          Next →
        </button>
        <button className="btn" onClick={stop}>
          End
        </button>
      </div>
    </div>
  );
}
