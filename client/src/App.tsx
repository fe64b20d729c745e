import { lazy, Suspense, useEffect } from 'react';
import { useMe } from './api/queries';
import { Header } from './components/Header';
import { Link } from './components/Link';
import { AccountPage } from './pages/AccountPage';
import { ActorProfilePage } from './pages/ActorProfilePage';
import { AuthPage } from './pages/AuthPage';
import { WorkspaceHome } from './pages/WorkspaceHome';
import { WorkspacesPage } from './pages/WorkspacesPage';
import { DemandPage } from './pages/demand/DemandPage';
import { TimelinePage } from './pages/demand/TimelinePage';
import { BriefPage } from './pages/demand/BriefPage';
import { navigate, useRoute, type Route } from './router';

// The map editor carries Cytoscape and its layouts: loaded only when a map is opened, so
// signing in and the workspace pages stay light.
const MapEditorPage = lazy(() => import('./pages/MapEditorPage').then((m) => ({ default: m.MapEditorPage })));
const preloadEditor = () => void import('./pages/MapEditorPage');
// A shared map draws with the same views, so it is split off the same way.
const PublicMapPage = lazy(() => import('./pages/PublicMapPage').then((m) => ({ default: m.PublicMapPage })));
const SharedMapPage = lazy(() => import('./pages/SharedMapPage').then((m) => ({ default: m.SharedMapPage })));

export function App() {
  const route = useRoute();
  // Shared maps are for people without an account: no sign-in, no session looked up.
  if (route.name === 'publicMap') {
    return (
      <Suspense
        fallback={
          <p className="page-status" aria-busy="true">
            Opening the map…
          </p>
        }
      >
        <PublicMapPage key={route.token} token={route.token} embed={route.embed} />
      </Suspense>
    );
  }
  return <MemberApp route={route} />;
}

function MemberApp({ route }: { route: Exclude<Route, { name: 'publicMap' }> }) {
  const me = useMe();
  const user = me.data ?? null;
  const needsAuth = route.name !== 'signin' && route.name !== 'signup';
  // Someone signed in who opens an invite link stays on it, to accept it.
  const invite = route.name === 'signin' || route.name === 'signup' ? route.invite : undefined;

  // Once signed in and the first page is drawn, fetch the editor's code in the background.
  useEffect(() => {
    if (!user) return;
    const t = setTimeout(preloadEditor, 2000);
    return () => clearTimeout(t);
  }, [user]);

  useEffect(() => {
    if (me.isSuccess && !user && needsAuth) navigate('/signin', true);
    if (me.isSuccess && user && !needsAuth && !invite) navigate('/', true);
  }, [me.isSuccess, user, needsAuth, invite]);

  if (me.isPending)
    return (
      <div className="frame">
        <Header user={null} />
        <p className="page-status" aria-busy="true">
          Loading…
        </p>
      </div>
    );
  if (me.isError && needsAuth) {
    return (
      <div className="frame">
        <Header user={null} />
        <main className="page narrow">
          <div className="alert alert-error" role="alert">
            {(me.error as Error).message}
          </div>
        </main>
      </div>
    );
  }

  switch (route.name) {
    case 'signin':
    case 'signup':
      return <AuthPage mode={route.name} invite={invite} user={user} />;
    case 'workspaces':
      return user ? <WorkspacesPage user={user} /> : null;
    case 'account':
      return user ? <AccountPage user={user} /> : null;
    case 'workspace':
      return user ? <WorkspaceHome user={user} ws={route.ws} tab={route.tab} /> : null;
    case 'map':
      return user ? (
        <Suspense
          fallback={
            <div className="frame">
              <Header user={user} />
              <p className="page-status" aria-busy="true">
                Opening the map editor…
              </p>
            </div>
          }
        >
          <MapEditorPage user={user} ws={route.ws} mapId={route.map} />
        </Suspense>
      ) : null;
    case 'sharedMap':
      return user ? (
        <Suspense
          fallback={
            <div className="frame">
              <Header user={user} />
              <p className="page-status" aria-busy="true">
                Opening the shared map…
              </p>
            </div>
          }
        >
          <SharedMapPage user={user} ws={route.ws} shareId={route.share} />
        </Suspense>
      ) : null;
    case 'actor':
      return user ? <ActorProfilePage user={user} ws={route.ws} actorId={route.actor} /> : null;
    case 'demand':
      return user ? <DemandPage key={route.demand} user={user} ws={route.ws} demandId={route.demand} /> : null;
    case 'demandBrief':
      return user ? <BriefPage key={route.demand} user={user} ws={route.ws} demandId={route.demand} /> : null;
    case 'timeline':
      return user ? <TimelinePage user={user} ws={route.ws} demandId={route.demand} target={route.target} /> : null;
    case 'notFound':
      return (
        <div className="frame">
          <Header user={user} />
          <main className="page narrow empty-state">
            <h1>Nothing here</h1>
            <p>
              This address does not lead to a page. <Link to="/">Go to your workspaces</Link>.
            </p>
          </main>
        </div>
      );
  }
}
