import { useEffect, useState } from 'react';
import type { PublicMap } from '../api/domain';
import { ApiError } from '../api/http';
import { errorText, usePublicMap } from '../api/queries';
import { EditorContext, useEditor, useEditorState } from '../editor/context';
import { Editor } from '../editor/editor';
import { Presenter } from '../editor/Presenter';
import type { Transport } from '../editor/transport';
import { fromPublicMap, hasReadings } from '../graph/public-doc';
import { paths } from '../router';
import { GridView } from '../views/grid/GridView';
import { Legend } from '../views/Legend';
import { NetworkView } from '../views/network/NetworkView';
import { TableView } from '../views/table/TableView';
import { SharedDetails } from './public/SharedDetails';
import '../sharing.css';

/** Nothing on a shared map is ever saved; the views are read-only, so this is never reached. */
const readOnly: Transport = {
  run: () => Promise.reject(new Error('This map is shared read-only.')),
};
const nothing = () => {};

/**
 * Adds a tag to <head> for as long as the page is open. The token is in the address, so no
 * page it links to may receive it as a Referer, and a search engine must not keep it.
 */
function useHeadMeta(name: string, content: string) {
  useEffect(() => {
    const meta = document.createElement('meta');
    meta.name = name;
    meta.content = content;
    document.head.appendChild(meta);
    return () => meta.remove();
  }, [name, content]);
}

/** `/p/:token` and `/embed/:token`: a map someone shared, for anyone holding the link. */
export function PublicMapPage({ token, embed }: { token: string; embed: boolean }) {
  useHeadMeta('referrer', 'no-referrer');
  useHeadMeta('robots', 'noindex, nofollow');
  const shared = usePublicMap(token);

  useEffect(() => {
    document.title = shared.data ? `${shared.data.name} · powermap` : 'Shared map · powermap';
  }, [shared.data]);

  if (shared.isPending)
    return (
      <div className={`shared-frame ${embed ? 'shared-embed' : ''}`}>
        <p className="page-status" aria-busy="true">
          Opening the map…
        </p>
      </div>
    );
  if (shared.isError) {
    const gone = shared.error instanceof ApiError && shared.error.status === 404;
    return (
      <div className={`shared-frame shared-gone ${embed ? 'shared-embed' : ''}`}>
        {!embed && <SharedHeader />}
        <main className="page narrow empty-state" role="alert">
          {gone ? (
            <>
              <h1>This link is no longer valid</h1>
              <p>It may have expired or been revoked, or part of it is missing. Ask whoever shared the map with you for a new link.</p>
            </>
          ) : (
            <>
              <h1>The map could not be opened</h1>
              <p>{errorText(shared.error)}</p>
              <button className="btn" onClick={() => void shared.refetch()}>
                Try again
              </button>
            </>
          )}
        </main>
      </div>
    );
  }
  return <SharedMap map={shared.data} token={token} embed={embed} />;
}

function SharedHeader({ title }: { title?: string }) {
  return (
    <header className="app-header shared-header">
      <a href="/" className="brand" aria-label="powermap">
        <span className="brand-mark" aria-hidden="true">
          ◭
        </span>{' '}
        powermap
      </a>
      {title && <h1 className="shared-title">{title}</h1>}
      <span className="header-spacer" />
      <span className="shared-badge">Shared map · read-only</span>
    </header>
  );
}

function SharedMap({ map, token, embed }: { map: PublicMap; token: string; embed: boolean }) {
  const [editor] = useState(() => {
    const e = new Editor(readOnly, fromPublicMap(map, token), { id: null, canEdit: false });
    const view = map.defaultView === 'grid' && !hasReadings(map) ? 'network' : map.defaultView;
    e.store.set({ view });
    return e;
  });
  // A refetch brings the map as it is now: its owners may have changed it meanwhile.
  useEffect(() => editor.receive(fromPublicMap(map, token)), [editor, map, token]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') editor.store.set({ selection: { actors: [], relationships: [] }, highlight: null, story: null });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editor]);

  return (
    <EditorContext.Provider value={editor}>
      <div className={`shared-frame ${embed ? 'shared-embed' : ''}`}>
        {!embed && <SharedHeader title={map.name} />}
        <SharedToolbar map={map} embed={embed} />
        <div className="shared-body">
          <section className="shared-main" aria-label="The map">
            <SharedViews grid={hasReadings(map)} />
          </section>
          {!embed && (
            <aside className="shared-side" aria-label="Details">
              <SharedDetails map={map} />
            </aside>
          )}
        </div>
        <Presenter />
        {embed && (
          <a
            className="shared-attribution"
            href={paths.publicMap(token)}
            target="_blank"
            rel="noreferrer noopener"
            title="Open this map on its own page"
          >
            <span aria-hidden="true">◭</span> powermap
          </a>
        )}
      </div>
    </EditorContext.Provider>
  );
}

function SharedToolbar({ map, embed }: { map: PublicMap; embed: boolean }) {
  const editor = useEditor();
  const view = useEditorState((s) => s.view);
  const story = useEditorState((s) => s.story);
  const views = (['network', 'grid', 'table'] as const).filter((v) => v !== 'grid' || hasReadings(map));
  const steps = map.annotations.length;
  return (
    <div className="toolbar shared-toolbar" role="toolbar" aria-label="Map views">
      {embed && (
        <span className="shared-embed-title" title={map.name}>
          {map.name}
        </span>
      )}
      <div className="segmented" role="group" aria-label="View">
        {views.map((v) => (
          <button
            key={v}
            type="button"
            className={view === v ? 'seg seg-on' : 'seg'}
            aria-pressed={view === v}
            onClick={() => editor.store.set({ view: v })}
          >
            {v === 'network' ? 'Network' : v === 'grid' ? 'Power grid' : 'Table'}
          </button>
        ))}
      </div>
      {view === 'network' && (
        <button
          type="button"
          className="tool"
          onClick={() => editor.store.set((s) => ({ fitRequest: s.fitRequest + 1 }))}
          title="Fit the whole map on screen"
        >
          Fit
        </button>
      )}
      {steps > 0 && story === null && (
        <button type="button" className="btn btn-primary btn-small shared-story-btn" onClick={() => editor.store.set({ story: 0 })}>
          ▶ Story{embed ? '' : ` · ${steps} step${steps === 1 ? '' : 's'}`}
        </button>
      )}
      {!embed && map.expiresAt && (
        <span className="toolbar-right">
          <span className="save-state">Link valid until {new Date(map.expiresAt).toLocaleDateString()}</span>
        </span>
      )}
    </div>
  );
}

function SharedViews({ grid }: { grid: boolean }) {
  const editor = useEditor();
  const view = useEditorState((s) => s.view);
  // Nobody arranges a shared map, so when its room changes (a rotated phone, a resized
  // frame) it is fitted again rather than left half off screen.
  useEffect(() => {
    const main = document.querySelector('.shared-main');
    if (!main || typeof ResizeObserver === 'undefined') return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let first = true;
    const observer = new ResizeObserver(() => {
      if (first) return void (first = false);
      clearTimeout(timer);
      timer = setTimeout(() => editor.store.set((s) => ({ fitRequest: s.fitRequest + 1 })), 150);
    });
    observer.observe(main);
    return () => {
      clearTimeout(timer);
      observer.disconnect();
    };
  }, [editor]);
  return (
    <>
      {view === 'network' && <NetworkView onOpenActor={nothing} onExpand={nothing} readOnly />}
      {view === 'grid' && grid && <GridView />}
      {view === 'table' && <TableView />}
      {view === 'network' && <Legend view="network" />}
    </>
  );
}
