import { ExportMenu } from '../components/ExportMenu';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { User } from '../api/domain';
import { errorText, keys, useSharedMap, useWorkspace } from '../api/queries';
import { Header } from '../components/Header';
import { Link } from '../components/Link';
import { dispatch } from '../editor/commands';
import { EditorContext, useEditor, useEditorState } from '../editor/context';
import { Editor } from '../editor/editor';
import { Presenter } from '../editor/Presenter';
import type { Transport } from '../editor/transport';
import { fromSharedMap } from '../graph/shared-doc';
import { paths } from '../router';
import { Legend } from '../views/Legend';
import { NetworkView } from '../views/network/NetworkView';
import { TableView } from '../views/table/TableView';
import { SharedSidebar, type SharedPanel } from './shared/SharedSidebar';
import '../partner-sharing.css';

/** A partner's copy is never written through the editor: additions go through the share's own forms. */
const readOnly: Transport = {
  run: async () => {
    throw new Error('This shared map is read-only here.');
  },
};

/**
 * A map another workspace shares with this one: the same network and table the editor draws,
 * read-only, with the owner's internal fields never sent. With edit access, editors add
 * actors and ties through the share; they land in the owner's workspace, marked as ours.
 */
export function SharedMapPage({ user, ws, shareId }: { user: User; ws: string; shareId: string }) {
  const workspace = useWorkspace(ws);
  const detail = useSharedMap(ws, shareId);
  const client = useQueryClient();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- another shared map gets a fresh editor though the constructor reads neither ws nor shareId
  const editor = useMemo(() => new Editor(readOnly, undefined, { id: user.id, canEdit: false }), [ws, shareId, user.id]);
  const [panel, setPanel] = useState<SharedPanel>('details');

  useEffect(() => {
    if (detail.data) editor.receive(fromSharedMap(detail.data));
  }, [detail.data, editor]);

  const canAdd = detail.data?.share.access === 'edit' && !!workspace.data && workspace.data.role !== 'viewer';
  const refresh = useCallback(() => client.invalidateQueries({ queryKey: keys.sharedMap(ws, shareId) }), [client, ws, shareId]);
  const show = useCallback(
    (id: string) => {
      editor.store.set({ selection: { actors: [id], relationships: [] } });
      setPanel('details');
    },
    [editor],
  );

  if (detail.isError) {
    return (
      <div className="frame">
        <Header user={user} />
        <main className="page narrow empty-state">
          <h1>This shared map is not available</h1>
          <p>{errorText(detail.error)} It may have been revoked by the workspace that shared it.</p>
          <p>
            <Link to={paths.workspace(ws)}>Back to the workspace</Link>
          </p>
        </main>
      </div>
    );
  }

  const owner = detail.data?.share.ownerWorkspace.name;
  return (
    <EditorContext.Provider value={editor}>
      <div className="editor-frame shared-map">
        <Header
          user={user}
          crumbs={
            <>
              <Link to="/">Workspaces</Link>
              <span aria-hidden="true">/</span>
              <Link to={paths.workspace(ws)}>{workspace.data?.name ?? '…'}</Link>
              <span aria-hidden="true" className="crumb-mid">
                /
              </span>
              <span className="crumb-mid">Shared by {owner ?? '…'}</span>
              <span aria-hidden="true">/</span>
              <span>{detail.data?.name ?? 'Loading…'}</span>
            </>
          }
        />
        <SharedToolbar
          ws={ws}
          shareId={shareId}
          owner={owner}
          canAdd={canAdd}
          access={detail.data?.share.access}
          onAdd={(kind) => setPanel(kind)}
        />
        <div className="editor-body">
          <section className="editor-main" aria-busy={detail.isPending}>
            {detail.isPending ? <p className="page-status">Loading the map…</p> : <Views onOpen={show} />}
          </section>
          <SharedSidebar ws={ws} shareId={shareId} panel={panel} onPanel={setPanel} canAdd={canAdd} onAdded={refresh} />
        </div>
        <Presenter />
      </div>
    </EditorContext.Provider>
  );
}

function SharedToolbar({
  ws,
  shareId,
  owner,
  canAdd,
  access,
  onAdd,
}: {
  ws: string;
  shareId: string;
  owner: string | undefined;
  canAdd: boolean;
  access: 'read' | 'edit' | undefined;
  onAdd: (kind: 'addActor' | 'addTie') => void;
}) {
  const editor = useEditor();
  const view = useEditorState((s) => s.view);
  return (
    <div className="toolbar" role="toolbar" aria-label="Shared map tools">
      <div className="segmented" role="group" aria-label="View">
        {(['network', 'table'] as const).map((v) => (
          <button
            key={v}
            type="button"
            className={view === v ? 'seg seg-on' : 'seg'}
            aria-pressed={view === v}
            onClick={() => editor.store.set({ view: v })}
          >
            {v === 'network' ? 'Network' : 'Table'}
          </button>
        ))}
      </div>
      <span className="tool-sep" />
      {view === 'network' && (
        <>
          <button type="button" className="tool" onClick={() => void dispatch(editor, 'layoutForce')}>
            Layout
          </button>
          <button type="button" className="tool" onClick={() => void dispatch(editor, 'fit')}>
            Fit
          </button>
        </>
      )}
      {canAdd && (
        <>
          <span className="tool-sep" />
          <button type="button" className="tool" onClick={() => onAdd('addActor')}>
            + Actor
          </button>
          <button type="button" className="tool" onClick={() => onAdd('addTie')}>
            + Tie
          </button>
        </>
      )}
      <div className="toolbar-right">
        <ExportMenu ws={ws} shareId={shareId} className="tool" />
        <span className="shared-banner" aria-live="polite">
          {owner ? `Shared by ${owner}` : ''}
          {access
            ? ` · ${access === 'edit' ? (canAdd ? 'you can add actors and ties' : 'editors can add actors and ties') : 'read only'}`
            : ''}
        </span>
      </div>
    </div>
  );
}

function Views({ onOpen }: { onOpen: (id: string) => void }) {
  const view = useEditorState((s) => s.view);
  return (
    <>
      {view === 'network' && <NetworkView onOpenActor={onOpen} onExpand={onOpen} />}
      {view !== 'network' && <TableView onOpenActor={onOpen} />}
      {view === 'network' && <Legend view="network" />}
    </>
  );
}
