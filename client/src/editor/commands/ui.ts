import { downloadBlob, downloadText, fileStem } from '../download';
import { defineCommand, mod, plain } from './command';

const key = (k: string) => (e: { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean }) => plain(e) && e.key === k;

export const selectAll = defineCommand({
  name: 'selectAll',
  label: 'Select all',
  keys: 'Ctrl A',
  keyTest: (e) => mod(e) && e.key.toLowerCase() === 'a',
  perform: (editor) => editor.store.set({ selection: { actors: Object.keys(editor.doc.members).filter((id) => editor.doc.actors[id]), relationships: [] } }),
});

export const clearSelection = defineCommand({
  name: 'clearSelection',
  label: 'Clear selection and highlight',
  keys: 'Esc',
  keyTest: (e) => e.key === 'Escape',
  perform: (editor) => editor.store.set({ selection: { actors: [], relationships: [] }, highlight: null, dialog: null, story: null }),
});

export const openAddActor = defineCommand<{ x: number; y: number } | void>({
  name: 'openAddActor',
  label: 'Add actor…',
  keys: 'N',
  keyTest: key('n'),
  predicate: (editor) => editor.me.canEdit,
  perform: (editor, position) => editor.store.set({ dialog: position ? { kind: 'addActor', position } : { kind: 'addActor' } }),
});

export const showHelp = defineCommand({
  name: 'showHelp',
  label: 'Keyboard shortcuts',
  keys: '?',
  keyTest: (e) => e.key === '?',
  perform: (editor) => editor.store.set({ dialog: { kind: 'help' } }),
});

export const fit = defineCommand({
  name: 'fit',
  label: 'Fit to screen',
  keys: 'F',
  keyTest: key('f'),
  perform: (editor) => editor.store.set((s) => ({ fitRequest: s.fitRequest + 1 })),
});

export const layoutForce = defineCommand({
  name: 'layoutForce',
  label: 'Force-directed layout',
  keys: 'L',
  keyTest: key('l'),
  predicate: (editor) => editor.state.view === 'network',
  perform: (editor) => editor.store.set((s) => ({ layout: { name: 'fcose', request: s.layout.request + 1 } })),
});

export const layoutConcentric = defineCommand({
  name: 'layoutConcentric',
  label: 'Concentric by power',
  keys: 'C',
  keyTest: key('c'),
  predicate: (editor) => editor.state.view === 'network',
  perform: (editor) => editor.store.set((s) => ({ layout: { name: 'concentric', request: s.layout.request + 1 } })),
});

export const toggleLabels = defineCommand({
  name: 'toggleLabels',
  label: 'Show relationship labels',
  keys: 'T',
  keyTest: key('t'),
  perform: (editor) => editor.store.set((s) => ({ edgeLabels: !s.edgeLabels })),
});

export const viewNetwork = defineCommand({
  name: 'viewNetwork',
  label: 'Network view',
  keys: '1',
  keyTest: key('1'),
  perform: (editor) => editor.store.set({ view: 'network' }),
});
export const viewGrid = defineCommand({
  name: 'viewGrid',
  label: 'Power grid view',
  keys: '2',
  keyTest: key('2'),
  perform: (editor) => editor.store.set({ view: 'grid' }),
});
export const viewTable = defineCommand({
  name: 'viewTable',
  label: 'Table view',
  keys: '3',
  keyTest: key('3'),
  perform: (editor) => editor.store.set({ view: 'table' }),
});

export const findConnections = defineCommand({
  name: 'findConnections',
  label: 'Find connections…',
  keys: 'P',
  keyTest: key('p'),
  perform: (editor) => editor.store.set({ panel: 'explore' }),
});

export const exportPng = defineCommand({
  name: 'exportPng',
  label: 'Export PNG',
  keys: 'E',
  keyTest: key('e'),
  predicate: (editor) => !!editor.canvas.png,
  perform: async (editor) => {
    const blob = await editor.canvas.png?.();
    if (blob) downloadBlob(blob, `${fileStem(editor.doc.mapName)}-${editor.state.view}.png`);
  },
});

export const exportSvg = defineCommand({
  name: 'exportSvg',
  label: 'Export SVG',
  keys: 'Shift E',
  keyTest: (e) => e.shiftKey === true && e.key.toLowerCase() === 'e' && !mod(e),
  predicate: (editor) => !!editor.canvas.svg,
  perform: (editor) => {
    const svg = editor.canvas.svg?.();
    if (svg) downloadText(svg, `${fileStem(editor.doc.mapName)}-${editor.state.view}.svg`, 'image/svg+xml');
  },
});

export const expandNeighbourhood = defineCommand<string | void>({
  name: 'expandNeighbourhood',
  label: 'Expand neighbourhood…',
  keys: 'Enter',
  keyTest: key('Enter'),
  predicate: (editor) => editor.state.selection.actors.length === 1,
  perform: (editor, id) => {
    const actorId = id ?? editor.state.selection.actors[0];
    if (actorId) editor.store.set({ dialog: { kind: 'expand', actorId } });
  },
});
