import { defineCommand, mod } from './command';

export const undo = defineCommand({
  name: 'undo',
  label: 'Undo',
  keys: 'Ctrl Z',
  keyTest: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 'z',
  predicate: (editor) => editor.history.canUndo(),
  perform: (editor) => editor.undo(),
});

export const redo = defineCommand({
  name: 'redo',
  label: 'Redo',
  keys: 'Ctrl Shift Z',
  keyTest: (e) => mod(e) && ((e.shiftKey && e.key.toLowerCase() === 'z') || e.key.toLowerCase() === 'y'),
  predicate: (editor) => editor.history.canRedo(),
  perform: (editor) => editor.redo(),
});
