import { lazy, Suspense, useEffect } from 'react';
import { useMe } from './api/queries';
import { Header } from './components/Header';
import { Link } from './components/Link';
import { ActorProfilePage } from './pages/ActorProfilePage';
import { AuthPage } from './pages/AuthPage';
import { WorkspaceHome } from './pages/WorkspaceHome';
import { WorkspacesPage } from './pages/WorkspacesPage';
import { navigate, useRoute } from './router';

// The map editor carries Cytoscape and its layouts: loaded only when a map is opened, so
// signing in and the workspace pages stay light.
const MapEditorPage = lazy(() => import('./pages/MapEditorPage').then((m) => ({ default: m.MapEditorPage })));
const preloadEditor = () => void import('./pages/MapEditorPage');
const SharedMapPage = lazy(() => import('./pages/SharedMapPage').then((m) => ({ default: m.SharedMapPage })));

export function App() {
  const route = useRoute();
  const me = useMe();
  const user = me.data ?? null;
  const needsAuth = route.name !== 'signin' && route.name !== 'signup';

  // Once signed in and the first page is drawn, fetch the editor's code in the background.
  useEffect(() => {
    if (!user) return;
    const t = setTimeout(preloadEditor, 2000);
    return () => clearTimeout(t);
  }, [user]);

  useEffect(() => {
    if (me.isSuccess && !user && needsAuth) navigate('/signin', true);
    if (me.isSuccess && user && !needsAuth) navigate('/', true);
  }, [me.isSuccess, user, needsAuth]);

  if (me.isPending) return <div className="frame"><Header user={null} /><p className="page-status" aria-busy="true">Loading…</p></div>;
  if (me.isError && needsAuth) {
    return (
      <div className="frame">
        <Header user={null} />
        <main className="page narrow"><div className="alert alert-error" role="alert">{(me.error as Error).message}</div></main>
      </div>
    );
  }

  switch (route.name) {
    case 'signin':
    case 'signup':
      return <AuthPage mode={route.name} invite={route.name === 'signup' ? route.invite : undefined} />;
    case 'workspaces':
      return user ? <WorkspacesPage user={user} /> : null;
    case 'workspace':
      return user ? <WorkspaceHome user={user} ws={route.ws} tab={route.tab} /> : null;
    case 'map':
      return user ? (
        <Suspense fallback={<div className="frame"><Header user={user} /><p className="page-status" aria-busy="true">Opening the map editor…</p></div>}>
          <MapEditorPage user={user} ws={route.ws} mapId={route.map} />
        </Suspense>
      ) : null;
    case 'sharedMap':
      return user ? (
        <Suspense fallback={<div className="frame"><Header user={user} /><p className="page-status" aria-busy="true">Opening the shared map…</p></div>}>
          <SharedMapPage user={user} ws={route.ws} shareId={route.share} />
        </Suspense>
      ) : null;
    case 'actor':
      return user ? <ActorProfilePage user={user} ws={route.ws} actorId={route.actor} /> : null;
    case 'notFound':
      return (
        <div className="frame">
          <Header user={user} />
          <main className="page narrow empty-state">
            <h1>Nothing here</h1>
            <p>This address does not lead to a page. <Link to="/">Go to your workspaces</Link>.</p>
          </main>
        </div>
      );
  }
}
