import { ExportMenu } from '../components/ExportMenu';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { User } from '../api/domain';
import { ApiError } from '../api/http';
import { endedText, type LiveStatus as Status } from '../api/live-status';
import { errorText, keys, useSharedMap, useWorkspace } from '../api/queries';
import { Header } from '../components/Header';
import { Link } from '../components/Link';
import { LiveStatus } from '../components/LiveStatus';
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
import { useSharedMapLive } from './shared/useSharedMapLive';
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
  const live = useSharedMapLive(ws, shareId);

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

  // The share was revoked (or this reader left the workspace): said plainly, not as an error.
  const refused = detail.isError && detail.error instanceof ApiError && [403, 404].includes(detail.error.status);
  if (live.state === 'ended' || refused) {
    const reason = live.state === 'ended' ? live.reason : 'revoked';
    return (
      <div className="frame">
        <Header user={user} />
        <main className="page narrow empty-state" aria-labelledby="share-gone">
          <h1 id="share-gone">This map is no longer shared with you</h1>
          <p>
            {reason === 'removed' || reason === 'deleted' || reason === 'signed-out'
              ? endedText(reason)
              : 'The workspace that shared it has stopped sharing it, so its actors and ties are no longer shown here.'}
          </p>
          <p>
            <Link to={paths.workspace(ws)}>Back to the workspace</Link>
          </p>
        </main>
      </div>
    );
  }

  if (detail.isError) {
    return (
      <div className="frame">
        <Header user={user} />
        <main className="page narrow empty-state">
          <h1>This shared map could not be opened</h1>
          <p>{errorText(detail.error)}</p>
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
          live={live}
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
  live,
  onAdd,
}: {
  ws: string;
  shareId: string;
  owner: string | undefined;
  canAdd: boolean;
  access: 'read' | 'edit' | undefined;
  live: Status;
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
        <LiveStatus status={live} />
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
