import { useState } from 'react';
import type { LiveStatus as Status } from '../api/live-status';
import { ExportMenu } from '../components/ExportMenu';
import { LiveStatus } from '../components/LiveStatus';
import { can, commands, dispatch, type CommandName } from './commands';
import { useEditor, useEditorState } from './context';
import { SearchBox } from './SearchBox';

/** The toolbar dispatches the same named commands as the keyboard and the context menu. */
// While the map loads there is nothing to edit yet: the tools appear once it has arrived.
export function Toolbar({
  ws,
  readOnly,
  loading = false,
  live,
}: {
  ws: string;
  readOnly: boolean;
  loading?: boolean;
  /** Where the workspace's live updates stand, shown beside the saving state. */
  live?: Status;
}) {
  const editor = useEditor();
  const view = useEditorState((s) => s.view);
  const drawMode = useEditorState((s) => s.drawMode);
  const undoLabel = useEditorState((s) => s.undoLabel);
  const redoLabel = useEditorState((s) => s.redoLabel);
  const edgeLabels = useEditorState((s) => s.edgeLabels);
  const showTargets = useEditorState((s) => s.showTargets);
  const hasTargets = useEditorState((s) => Object.keys(s.targets).some((id) => s.doc.members[id]));
  const pending = useEditorState((s) => s.pending);
  const mapId = useEditorState((s) => s.doc.mapId);
  useEditorState((s) => s.selection);
  // On a phone the less frequent tools fold into a menu (CSS shows them inline on wider screens).
  const [more, setMore] = useState(false);

  const button = (name: CommandName, text?: string, extra: { title?: string; pressed?: boolean } = {}) => {
    const c = commands[name];
    return (
      <button
        type="button"
        className={`tool ${extra.pressed ? 'tool-on' : ''}`}
        disabled={!can(editor, name)}
        aria-pressed={extra.pressed}
        title={`${extra.title ?? c.label}${c.keys ? ` (${c.keys})` : ''}`}
        onClick={() => void (dispatch as (e: typeof editor, n: CommandName) => unknown)(editor, name)}
      >
        {text ?? c.label}
      </button>
    );
  };

  return (
    <div className="toolbar" role="toolbar" aria-label="Map tools">
      <div className="segmented" role="group" aria-label="View">
        {(['network', 'grid', 'table'] as const).map((v) => (
          <button
            key={v}
            type="button"
            className={view === v ? 'seg seg-on' : 'seg'}
            aria-pressed={view === v}
            onClick={() => void dispatch(editor, 'showView', v)}
            title={`${v === 'grid' ? 'Power grid' : v[0]!.toUpperCase() + v.slice(1)} view (${v === 'network' ? 1 : v === 'grid' ? 2 : 3})`}
          >
            {v === 'network' ? 'Network' : v === 'grid' ? 'Power grid' : 'Table'}
          </button>
        ))}
      </div>
      <span className="tool-sep" />
      {!readOnly && !loading && (
        <>
          {button('openAddActor', '+ Actor')}
          {button('openPalette', 'Quick add', { title: 'Commands, actors and quick add' })}
          {view === 'network' && (
            <button
              type="button"
              className={`tool ${drawMode ? 'tool-on' : ''}`}
              aria-pressed={drawMode}
              disabled={!can(editor, 'toggleDrawMode')}
              onClick={() => void dispatch(editor, 'toggleDrawMode')}
              title="Draw relationships: drag from one actor to another, as many as you like; Esc ends (D)"
            >
              ⤳ <span className="wide-only">Relationship</span>
              <span className="narrow-only">Tie</span>
            </button>
          )}
          <span className="tool-sep" />
          {button('undo', '↶ Undo', { title: undoLabel ? `Undo: ${undoLabel}` : 'Nothing to undo' })}
          {button('redo', '↷ Redo', { title: redoLabel ? `Redo: ${redoLabel}` : 'Nothing to redo' })}
          <span className="tool-sep" />
        </>
      )}
      <span className="save-state" aria-live="polite">
        {loading ? 'Loading…' : readOnly ? 'View only' : pending ? 'Saving…' : 'Saved'}
      </span>
      {live && <LiveStatus status={live} />}
      <button
        type="button"
        className="tool toolbar-more-toggle"
        aria-expanded={more}
        aria-controls="toolbar-more"
        onClick={() => setMore((m) => !m)}
        title="More tools"
      >
        ⋯ More
      </button>
      <div className="toolbar-more" id="toolbar-more" data-open={more}>
        {view === 'network' && (
          <>
            {button('layoutForce', 'Layout')}
            {button('layoutConcentric', 'By power')}
            {button('fit', 'Fit')}
            {button('toggleLabels', 'Labels', { pressed: edgeLabels })}
            {hasTargets && button('toggleTargets', '◎ Targets', { pressed: showTargets })}
          </>
        )}
        {view !== 'table' && (
          <>
            <span className="tool-sep" />
            {button('exportPng', 'PNG', { title: 'Export this view as PNG' })}
            {button('exportSvg', 'SVG', { title: 'Export this view as SVG' })}
          </>
        )}
        <span className="tool-sep" />
        <ExportMenu ws={ws} mapId={mapId} className="tool" />
        <div className="toolbar-right">
          <SearchBox ws={ws} />
          {button('showHelp', '?', { title: 'Keyboard shortcuts' })}
        </div>
      </div>
    </div>
  );
}
