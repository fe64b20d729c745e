import { dispatch } from './commands';
import { useEditor, useEditorState } from './context';
import { ExplorePanel } from './explore/ExplorePanel';
import { HistoryPanel } from './HistoryPanel';
import { Inspector } from './inspector/Inspector';
import { StoryPanel } from './StoryPanel';
import type { Panel } from './store';

const panels: { id: Panel; label: string }[] = [
  { id: 'inspector', label: 'Details' },
  { id: 'explore', label: 'Explore' },
  { id: 'story', label: 'Story' },
  { id: 'history', label: 'History' },
];

export function Sidebar({ ws, mapId, onOpenActor }: { ws: string; mapId: string; onOpenActor: (id: string) => void }) {
  const editor = useEditor();
  const panel = useEditorState((s) => s.panel);
  return (
    <aside className="sidebar" aria-label="Details and tools">
      <div className="side-tabs" role="tablist">
        {panels.map((p) => (
          <button
            key={p.id}
            role="tab"
            aria-selected={panel === p.id}
            className={panel === p.id ? 'side-tab on' : 'side-tab'}
            onClick={() => void dispatch(editor, 'showPanel', p.id)}
          >
            {p.label}
          </button>
        ))}
      </div>
      <div className="side-body" role="tabpanel">
        {panel === 'inspector' && <Inspector ws={ws} onOpenActor={onOpenActor} />}
        {panel === 'explore' && <ExplorePanel ws={ws} mapId={mapId} />}
        {panel === 'story' && <StoryPanel />}
        {panel === 'history' && <HistoryPanel ws={ws} />}
      </div>
    </aside>
  );
}
