import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { Change, User } from '../api/domain';
import { errorText, keys, useDemands, useMapDetail, useMapShares, useWorkspace } from '../api/queries';
import { Header } from '../components/Header';
import { Link } from '../components/Link';
import { AddActorDialog } from '../editor/AddActorDialog';
import { ApiTransport } from '../editor/api-transport';
import { commands, dispatch, dispatchKey } from '../editor/commands';
import { CommandPalette } from '../editor/CommandPalette';
import { ConflictDialog } from '../editor/ConflictDialog';
import { EditorContext, useEditorState } from '../editor/context';
import { ExpandDialog } from '../editor/ExpandDialog';
import { Editor } from '../editor/editor';
import { hasUnsaved } from '../editor/drafts';
import { HelpOverlay } from '../editor/HelpOverlay';
import { Presenter } from '../editor/Presenter';
import { RelationshipDialog } from '../editor/RelationshipDialog';
import { ShareDialog } from '../editor/ShareDialog';
import { ShareButton } from '../editor/PartnerShareDialog';
import { Sidebar } from '../editor/Sidebar';
import { Toast } from '../editor/Toast';
import { Toolbar } from '../editor/Toolbar';
import { useLiveUpdates } from '../editor/useLiveUpdates';
import { useMapAddress } from '../editor/useMapAddress';
import { emptyDoc, fromMapDetail } from '../graph/doc';
import { partnersFrom } from '../graph/partners';
import { targetMarks } from '../graph/targets';
import { navigate, paths } from '../router';
import { GridView } from '../views/grid/GridView';
import { Legend } from '../views/Legend';
import { NetworkView } from '../views/network/NetworkView';
import { TableView } from '../views/table/TableView';
import { highlightFrom } from '../graph/highlight-link';

const typing = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

export function MapEditorPage({ user, ws, mapId }: { user: User; ws: string; mapId: string }) {
  const workspace = useWorkspace(ws);
  const detail = useMapDetail(ws, mapId);
  const client = useQueryClient();
  const canEdit = workspace.data ? workspace.data.role !== 'viewer' : true;
  // The document names its map from the start, so nothing made before the map arrives is placed on no map.
  const editor = useMemo(() => new Editor(new ApiTransport(ws), emptyDoc(mapId), { id: user.id, canEdit }), [ws, mapId, user.id, canEdit]);

  useEffect(() => {
    editor.workspaceName = workspace.data?.name ?? '';
  }, [editor, workspace.data?.name]);

  // What partners added through shares, so their ties are drawn in their organisation's colour.
  const shares = useMapShares(ws, mapId);

  // Server data enters the editor unrecorded, and never over edits still being saved.
  // A picture fetched while a save was under way may predate it: fetch again once saves settle.
  useEffect(() => {
    if (!detail.data) return;
    if (editor.state.pending === 0) editor.receive({ ...fromMapDetail(detail.data), partners: editor.doc.partners ?? {} });
    else
      void editor.settled().then(async () => {
        await client.invalidateQueries({ queryKey: keys.map(ws, mapId) });
        // The fetch may answer what the cache already holds, which re-renders nothing: take it here.
        const fresh = client.getQueryData<Parameters<typeof fromMapDetail>[0]>(keys.map(ws, mapId));
        if (fresh && editor.state.pending === 0) editor.receive({ ...fromMapDetail(fresh), partners: editor.doc.partners ?? {} });
      });
  }, [detail.data, editor, client, ws, mapId]);
  // After the map has entered the editor: the address's selection names its actors.
  useMapAddress(editor, Boolean(detail.data));
  // The targets of the workspace's demands, ringed on the network.
  const demands = useDemands(ws);
  useEffect(() => {
    editor.store.set({ targets: targetMarks(demands.data ?? []) });
  }, [demands.data, editor]);
  // An address from elsewhere (an ownership chain on a profile) may ask for a path to be highlighted.
  useEffect(() => {
    if (!detail.data) return;
    const asked = highlightFrom(window.location.search);
    if (asked && !editor.state.highlight) editor.store.set({ highlight: asked });
  }, [detail.data, editor]);
  // Only who added what changes here: the map itself is left as it is.
  useEffect(() => {
    const partners = partnersFrom(shares.data?.contributions ?? []);
    editor.store.set((s) => ({ doc: { ...s.doc, partners } }));
  }, [shares.data, editor]);
  // Saves are confirmed by the versions the server answers; the feed's echo of them is not
  // fetched again, a colleague's change (or one this page cannot tell it has) is.
  const held = useMemo(() => ({ key: keys.map(ws, mapId), reflects: (change: Change) => editor.reflects(change) }), [editor, ws, mapId]);
  const live = useLiveUpdates(ws, user.id, {
    onRemote: (change) => {
      const who = change.userName ?? 'Someone';
      editor.store.set((s) => ({ authors: { ...s.authors, ...Object.fromEntries(change.diffs.map((d) => [d.entityId, who])) } }));
      editor.say('info', `${who}: ${change.summary}`);
    },
    held,
  });
  // Leaving with edits typed and not saved asks first (they are kept locally either way).
  useEffect(() => {
    const onLeave = (e: BeforeUnloadEvent) => {
      if (!hasUnsaved()) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onLeave);
    return () => window.removeEventListener('beforeunload', onLeave);
  }, []);

  const loaded = useRef(false);
  loaded.current = Boolean(detail.data);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Shortcuts act on the map: none before it has loaded.
      if (!loaded.current) return;
      const palette = commands.openPalette.keyTest!(e);
      if (editor.state.dialog && e.key !== 'Escape') return;
      // The palette opens from anywhere, a text field included.
      if (typing(e.target) && e.key !== 'Escape' && !palette) return;
      // Enter on a focused button or link presses it; only on the map does it expand.
      if (e.key === 'Enter' && e.target instanceof HTMLElement && e.target.closest('button, a, [role="button"], [role="menu"], table'))
        return;
      if (dispatchKey(editor, e)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editor]);

  const openActor = useCallback((id: string) => navigate(paths.actor(ws, id)), [ws]);
  // Double-click, Enter or the context menu: choose depth and kinds of tie, then add.
  const expand = useCallback((id: string) => void commands.expandNeighbourhood.perform(editor, id), [editor]);

  if (detail.isError) {
    return (
      <div className="frame">
        <Header user={user} />
        <main className="page narrow empty-state">
          <h1>This map could not be opened</h1>
          <p>{errorText(detail.error)}</p>
          <p>
            <Link to={paths.workspace(ws)}>Back to the workspace</Link>
          </p>
        </main>
      </div>
    );
  }

  return (
    <EditorContext.Provider value={editor}>
      <div className="editor-frame">
        <Header
          user={user}
          crumbs={
            <>
              <Link to="/">Workspaces</Link>
              <span aria-hidden="true">/</span>
              <Link to={paths.workspace(ws)}>{workspace.data?.name ?? '…'}</Link>
              <span aria-hidden="true">/</span>
              <span>{detail.data?.name ?? 'Loading…'}</span>
            </>
          }
        >
          {canEdit && (
            <button
              type="button"
              className="btn btn-ghost-dark header-share"
              onClick={() => void dispatch(editor, 'openShare')}
              title="Public read-only links and embeds of this map"
            >
              Share
            </button>
          )}
          {workspace.data?.role === 'owner' && detail.data && <ShareButton ws={ws} mapId={mapId} mapName={detail.data.name} />}
        </Header>
        <Toolbar ws={ws} readOnly={!canEdit} loading={!detail.data} live={live} />
        <div className="editor-body">
          <section className="editor-main" aria-busy={detail.isPending}>
            {detail.isPending ? <p className="page-status">Loading the map…</p> : <Views openActor={openActor} expand={expand} ws={ws} />}
          </section>
          <Sidebar ws={ws} mapId={mapId} onOpenActor={openActor} />
        </div>
        <Dialogs ws={ws} mapId={mapId} />
        <Presenter />
        <Toast />
      </div>
    </EditorContext.Provider>
  );
}

function Views({ openActor, expand, ws }: { openActor: (id: string) => void; expand: (id: string) => void; ws: string }) {
  const view = useEditorState((s) => s.view);
  return (
    <>
      {view === 'network' && <NetworkView onOpenActor={openActor} onExpand={expand} />}
      {view === 'grid' && <GridView ws={ws} />}
      {view === 'table' && <TableView onOpenActor={openActor} />}
      {view === 'network' && <Legend view={view} />}
    </>
  );
}

function Dialogs({ ws, mapId }: { ws: string; mapId: string }) {
  const dialog = useEditorState((s) => s.dialog);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'addActor':
      return <AddActorDialog ws={ws} position={dialog.position} />;
    case 'relationship':
      return <RelationshipDialog ws={ws} from={dialog.from} to={dialog.to} />;
    case 'help':
      return <HelpOverlay />;
    case 'palette':
      return <CommandPalette />;
    case 'expand':
      return <ExpandDialog ws={ws} actorId={dialog.actorId} />;
    case 'conflict':
      return <ConflictDialog dialog={dialog} />;
    case 'share':
      return <ShareDialog ws={ws} mapId={mapId} />;
  }
}
