import { downloadBlob, downloadText, fileStem } from '../download';
import type { Panel, View } from '../store';
import { defineCommand, mod, plain } from './command';
import { exportDate, type ExportCaption } from '../../graph/export-frame';
import { linesShown } from '../../graph/legend-lines';
import { visibleRelationships } from '../../graph/doc';
import type { Editor } from '../editor';

const key = (k: string) => (e: { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean }) => plain(e) && e.key === k;

export const selectAll = defineCommand({
  name: 'selectAll',
  label: 'Select all',
  keys: 'Ctrl A',
  keyTest: (e) => mod(e) && e.key.toLowerCase() === 'a',
  perform: (editor) =>
    editor.store.set({ selection: { actors: Object.keys(editor.doc.members).filter((id) => editor.doc.actors[id]), relationships: [] } }),
});

export const clearSelection = defineCommand({
  name: 'clearSelection',
  label: 'Clear selection and highlight',
  keys: 'Esc',
  keyTest: (e) => e.key === 'Escape',
  // Esc in a dialog closes the dialog only (the modal takes that key first); on the map it also ends drawing.
  perform: (editor) =>
    editor.store.set({ selection: { actors: [], relationships: [] }, highlight: null, dialog: null, story: null, drawMode: false }),
});

export const toggleDrawMode = defineCommand<boolean | void>({
  name: 'toggleDrawMode',
  label: 'Draw relationships',
  keys: 'D',
  keyTest: key('d'),
  predicate: (editor) => editor.me.canEdit && editor.state.view === 'network',
  perform: (editor, on) => editor.store.set((s) => ({ drawMode: typeof on === 'boolean' ? on : !s.drawMode })),
});

/** Starts drawing a tie from one actor, as if the user had begun a drag from it (context menu). */
export const drawFrom = defineCommand<string>({
  name: 'drawFrom',
  label: 'Draw a relationship from here',
  takes: 'an actor',
  predicate: (editor) => editor.me.canEdit && !!editor.canvas.connectFrom,
  perform: (editor, actorId) => editor.canvas.connectFrom?.(actorId),
});

export const showView = defineCommand<View>({
  name: 'showView',
  label: 'Show a view',
  takes: 'a view',
  // Drawing belongs to the network; another view ends it.
  perform: (editor, view) => editor.store.set((s) => ({ view, drawMode: view === 'network' && s.drawMode })),
});

export const showPanel = defineCommand<Panel>({
  name: 'showPanel',
  label: 'Show a side panel',
  takes: 'a panel',
  perform: (editor, panel) => editor.store.set({ panel }),
});

export const closeDialog = defineCommand({
  name: 'closeDialog',
  label: 'Close',
  perform: (editor) => editor.store.set({ dialog: null }),
});

export const inspectRelationship = defineCommand<string>({
  name: 'inspectRelationship',
  label: 'Edit relationship',
  takes: 'a relationship',
  perform: (editor, id) => editor.store.set({ selection: { actors: [], relationships: [id] }, panel: 'inspector' }),
});

export const openShare = defineCommand({
  name: 'openShare',
  label: 'Share…',
  predicate: (editor) => editor.me.canEdit,
  perform: (editor) => editor.store.set({ dialog: { kind: 'share' } }),
});

export const openAddActor = defineCommand<{ x: number; y: number } | void>({
  name: 'openAddActor',
  label: 'Add actor…',
  keys: 'N',
  keyTest: key('n'),
  predicate: (editor) => editor.me.canEdit,
  perform: (editor, position) => editor.store.set({ dialog: position ? { kind: 'addActor', position } : { kind: 'addActor' } }),
});

export const openPalette = defineCommand({
  name: 'openPalette',
  label: 'Command palette and quick add',
  keys: 'Ctrl K',
  keyTest: (e) => mod(e) && e.key.toLowerCase() === 'k',
  perform: (editor) => editor.store.set({ dialog: { kind: 'palette' } }),
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

export const toggleTargets = defineCommand({
  name: 'toggleTargets',
  label: 'Mark the targets of our demands',
  keys: 'M',
  keyTest: key('m'),
  perform: (editor) => editor.store.set((s) => ({ showTargets: !s.showTargets })),
});

export const viewNetwork = defineCommand({
  name: 'viewNetwork',
  label: 'Network view',
  keys: '1',
  keyTest: key('1'),
  perform: (editor) => showView.perform(editor, 'network'),
});
export const viewGrid = defineCommand({
  name: 'viewGrid',
  label: 'Power grid view',
  keys: '2',
  keyTest: key('2'),
  perform: (editor) => showView.perform(editor, 'grid'),
});
export const viewTable = defineCommand({
  name: 'viewTable',
  label: 'Table view',
  keys: '3',
  keyTest: key('3'),
  perform: (editor) => showView.perform(editor, 'table'),
});

export const findConnections = defineCommand<string | void>({
  name: 'findConnections',
  label: 'Find connections…',
  keys: 'P',
  keyTest: key('p'),
  // From the context menu: from this actor.
  perform: (editor, from: string | void) =>
    editor.store.set(from ? { panel: 'explore', selection: { actors: [from], relationships: [] } } : { panel: 'explore' }),
});

/** What an exported picture says of itself: the map, the view, the day and whose it is. */
function captionFor(editor: Editor): ExportCaption {
  const view = editor.state.view === 'grid' ? 'Power grid' : 'Network';
  const ties = visibleRelationships(editor.doc);
  const types = new Set(ties.map((r) => r.type));
  const uncited = ties.some((r) => r.sourceIds.length === 0) ? [{ label: 'No source yet', color: '#7a8291', line: 'dotted' as const }] : [];
  return {
    title: editor.doc.mapName || 'Untitled map',
    subtitle: [view, exportDate(), editor.workspaceName].filter(Boolean).join(' · '),
    ...(editor.state.view === 'network' && types.size
      ? { lines: [...linesShown(types).map((l) => ({ label: l.family, color: l.color, line: l.line })), ...uncited] }
      : {}),
  };
}

export const exportPng = defineCommand({
  name: 'exportPng',
  label: 'Export PNG',
  keys: 'E',
  keyTest: key('e'),
  predicate: (editor) => !!editor.canvas.png,
  perform: async (editor) => {
    const blob = await editor.canvas.png?.(captionFor(editor));
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
    const svg = editor.canvas.svg?.(captionFor(editor));
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
