import { useEffect } from 'react';
import { stepHighlight } from '../graph/story';
import { useEditor, useEditorState } from './context';

/**
 * The presenter view: one story step at a time over the map, which zooms to it; the editing
 * chrome steps aside while it runs. Arrows, space and a clicker's Page Up/Down move on, Esc ends.
 */
export function Presenter() {
  const editor = useEditor();
  const index = useEditorState((s) => s.story);
  const steps = useEditorState((s) => s.doc.annotations);
  const step = index === null ? undefined : steps[index];

  const presenting = index !== null;
  useEffect(() => {
    if (!presenting) return;
    document.body.classList.add('presenting');
    return () => document.body.classList.remove('presenting');
  }, [presenting]);

  useEffect(() => {
    if (index === null) return;
    const s = steps[index];
    if (s) editor.store.set({ highlight: stepHighlight(s, editor.doc) });
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'ArrowRight' || e.key === ' ' || e.key === 'PageDown') go(1);
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp') go(-1);
      else if (e.key === 'Escape') editor.store.set({ story: null, highlight: null });
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
        {document.fullscreenEnabled && (
          <button
            className="btn"
            onClick={() => void (document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen())}
          >
            Full screen
          </button>
        )}
      </div>
    </div>
  );
}
