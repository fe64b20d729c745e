import { useEffect } from 'react';
import { useMe } from './api/queries';
import { Header } from './components/Header';
import { Link } from './components/Link';
import { ActorProfilePage } from './pages/ActorProfilePage';
import { AuthPage } from './pages/AuthPage';
import { MapEditorPage } from './pages/MapEditorPage';
import { WorkspaceHome } from './pages/WorkspaceHome';
import { WorkspacesPage } from './pages/WorkspacesPage';
import { navigate, useRoute } from './router';

export function App() {
  const route = useRoute();
  const me = useMe();
  const user = me.data ?? null;
  const needsAuth = route.name !== 'signin' && route.name !== 'signup';

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
      return user ? <MapEditorPage user={user} ws={route.ws} mapId={route.map} /> : null;
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
