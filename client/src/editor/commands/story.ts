import type { Annotation } from '../../api/domain';
import type { Editor } from '../editor';
import { defineCommand } from './command';

function saveAnnotations(editor: Editor, next: Annotation[], summary: string): Promise<boolean> {
  return editor.commit({
    summary,
    edits: [
      {
        kind: 'update',
        entity: 'map',
        id: editor.doc.mapId,
        before: { annotations: editor.doc.annotations },
        after: { annotations: next },
      },
    ],
  });
}

/** Adds a story step that highlights the current selection. */
export const addStoryStep = defineCommand<{ title: string; text: string }>({
  name: 'addStoryStep',
  label: 'Add story step',
  takes: 'a step',
  predicate: (editor) => editor.me.canEdit,
  perform: (editor, { title, text }) => {
    const { selection, doc } = editor.state;
    const step: Annotation = { id: crypto.randomUUID(), title, text, actorIds: selection.actors, relationshipIds: selection.relationships };
    return saveAnnotations(editor, [...doc.annotations, step], `Add story step “${title}”`);
  },
});

export const removeStoryStep = defineCommand<{ id: string }>({
  name: 'removeStoryStep',
  label: 'Remove story step',
  takes: 'a step',
  predicate: (editor) => editor.me.canEdit,
  perform: (editor, { id }) => {
    const step = editor.doc.annotations.find((a) => a.id === id);
    if (!step) return false;
    return saveAnnotations(
      editor,
      editor.doc.annotations.filter((a) => a.id !== id),
      `Remove story step “${step.title}”`,
    );
  },
});

export const moveStoryStep = defineCommand<{ id: string; by: -1 | 1 }>({
  name: 'moveStoryStep',
  label: 'Reorder story step',
  takes: 'a step',
  predicate: (editor) => editor.me.canEdit,
  perform: (editor, { id, by }) => {
    const list = [...editor.doc.annotations];
    const i = list.findIndex((a) => a.id === id);
    const j = i + by;
    if (i < 0 || j < 0 || j >= list.length) return false;
    [list[i], list[j]] = [list[j]!, list[i]!];
    return saveAnnotations(editor, list, `Reorder story step “${list[j]!.title}”`);
  },
});
