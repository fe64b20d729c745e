import { useEffect, useState } from 'react';
import { dispatch } from './commands';
import { useEditor, useEditorState } from './context';
import { ExplorePanel } from './explore/ExplorePanel';
import { HistoryPanel } from './HistoryPanel';
import { Inspector } from './inspector/Inspector';
import { StoryPanel } from './StoryPanel';
import type { Panel } from './store';
import { useNarrow } from './useNarrow';
import './editor.css';

const panels: { id: Panel; label: string }[] = [
  { id: 'inspector', label: 'Details' },
  { id: 'explore', label: 'Explore' },
  { id: 'story', label: 'Story' },
  { id: 'history', label: 'History' },
];

/** On a phone or tablet the sidebar is a bottom sheet: closed (its tabs), a peek, or most of the screen. */
type Sheet = 'closed' | 'peek' | 'full';

export function Sidebar({ ws, mapId, onOpenActor }: { ws: string; mapId: string; onOpenActor: (id: string) => void }) {
  const editor = useEditor();
  const panel = useEditorState((s) => s.panel);
  const selected = useEditorState((s) => s.selection.actors.length + s.selection.relationships.length > 0);
  const narrow = useNarrow();
  const [sheet, setSheet] = useState<Sheet>('closed');
  // Selecting something on the map shows its details without hiding the map.
  useEffect(() => {
    if (selected) setSheet((s) => (s === 'closed' ? 'peek' : s));
  }, [selected]);

  const choose = (id: Panel) => {
    if (narrow) setSheet((s) => (s !== 'closed' && id === panel ? 'closed' : s === 'closed' ? 'peek' : s));
    void dispatch(editor, 'showPanel', id);
  };
  const open = !narrow || sheet !== 'closed';
  return (
    <aside className="sidebar" aria-label="Details and tools" data-sheet={narrow ? sheet : undefined}>
      {narrow && (
        <button
          type="button"
          className="sheet-handle"
          aria-label={sheet === 'full' ? 'Shrink the panel' : sheet === 'peek' ? 'Enlarge the panel' : 'Open the panel'}
          aria-expanded={sheet !== 'closed'}
          onClick={() => setSheet((s) => (s === 'closed' ? 'peek' : s === 'peek' ? 'full' : 'closed'))}
        >
          <span aria-hidden="true" />
        </button>
      )}
      <div className="side-tabs" role="tablist">
        {panels.map((p) => (
          <button
            key={p.id}
            role="tab"
            aria-selected={panel === p.id}
            className={panel === p.id ? 'side-tab on' : 'side-tab'}
            onClick={() => choose(p.id)}
          >
            {p.label}
          </button>
        ))}
        {narrow && sheet !== 'closed' && (
          <button type="button" className="side-tab sheet-close" aria-label="Close the panel" onClick={() => setSheet('closed')}>
            ✕
          </button>
        )}
      </div>
      {/* Hidden, not unmounted, when the sheet closes: what is being typed stays. */}
      <div className="side-body" role="tabpanel" hidden={!open}>
        {panel === 'inspector' && <Inspector ws={ws} onOpenActor={onOpenActor} />}
        {panel === 'explore' && <ExplorePanel ws={ws} mapId={mapId} />}
        {panel === 'story' && <StoryPanel />}
        {panel === 'history' && <HistoryPanel ws={ws} />}
      </div>
    </aside>
  );
}
