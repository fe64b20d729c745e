import { useEffect } from 'react';
import { useEditor, useEditorState } from './context';

/** One line of news: what was saved, undone, refused, or changed by a colleague. */
export function Toast() {
  const editor = useEditor();
  const message = useEditorState((s) => s.message);
  useEffect(() => {
    if (!message) return;
    const t = setTimeout(() => editor.store.set({ message: null }), message.tone === 'error' ? 9000 : 3500);
    return () => clearTimeout(t);
  }, [message, editor]);
  if (!message) return null;
  return (
    <div className={`toast toast-${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'}>
      <span>{message.text}</span>
      <button aria-label="Dismiss" onClick={() => editor.store.set({ message: null })}>
        ×
      </button>
    </div>
  );
}
