import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Editor } from './editor';
import type { EditorState } from './store';

export const EditorContext = createContext<Editor | null>(null);

export function useEditor(): Editor {
  const editor = useContext(EditorContext);
  if (!editor) throw new Error('useEditor outside an editor');
  return editor;
}

/** Subscribes to one slice of the editor state; re-renders only when it changes. */
export function useEditorState<T>(select: (s: EditorState) => T): T {
  const editor = useEditor();
  return useSyncExternalStore(editor.store.subscribe, () => select(editor.store.get()));
}
