import type { User } from '../api/domain';
import { errorText, useWorkspace } from '../api/queries';
import { ExportMenu } from '../components/ExportMenu';
import { Header } from '../components/Header';
import { Link } from '../components/Link';
import { useLiveUpdates } from '../editor/useLiveUpdates';
import { paths } from '../router';
import { ActorsTab } from './workspace/ActorsTab';
import { CoalitionTab } from './workspace/CoalitionTab';
import { DemandsTab } from './workspace/DemandsTab';
import { HistoryTab } from './workspace/HistoryTab';
import { ImportWizard } from './workspace/import/ImportWizard';
import { MapsTab } from './workspace/MapsTab';
import { MembersTab } from './workspace/MembersTab';
import { SettingsTab } from './workspace/SettingsTab';
import { SourcesTab } from './workspace/SourcesTab';
import { TasksTab } from './workspace/TasksTab';
import { WorkspaceCard } from './workspace/WorkspaceCard';

const tabs = [
  { id: 'maps', label: 'Maps' },
  { id: 'actors', label: 'Actors' },
  { id: 'sources', label: 'Sources' },
  { id: 'demands', label: 'Demands' },
  { id: 'tasks', label: 'Tasks' },
  { id: 'history', label: 'History' },
  { id: 'members', label: 'Members' },
  { id: 'settings', label: 'Settings' },
  { id: 'coalition', label: 'Coalition' },
  { id: 'import', label: 'Import' },
] as const;

export function WorkspaceHome({ user, ws, tab }: { user: User; ws: string; tab: (typeof tabs)[number]['id'] }) {
  const workspace = useWorkspace(ws);
  useLiveUpdates(ws, user.id);
  if (workspace.isError) {
    return (
      <div className="frame">
        <Header user={user} />
        <main className="page narrow empty-state">
          <h1>This workspace is not available</h1>
          <p>{errorText(workspace.error)}</p>
          <p>
            <Link to="/">Back to your workspaces</Link>
          </p>
        </main>
      </div>
    );
  }
  const w = workspace.data;
  return (
    <div className="frame">
      <Header
        user={user}
        crumbs={
          <>
            <Link to="/">Workspaces</Link>
            <span aria-hidden="true">/</span>
            <span>{w?.name ?? '…'}</span>
          </>
        }
      />
      <main className="page">
        <div className="page-head">
          <div>
            <h1>{w?.name ?? 'Loading…'}</h1>
            {w?.description && <p className="muted">{w.description}</p>}
          </div>
          <ExportMenu ws={ws} />
        </div>
        <nav className="tabs" aria-label="Workspace sections">
          {tabs.map((t) => (
            <Link
              key={t.id}
              to={paths.workspace(ws, t.id)}
              className={`tab ${tab === t.id ? 'tab-active' : ''}`}
              aria-current={tab === t.id ? 'page' : undefined}
            >
              {t.label}
            </Link>
          ))}
        </nav>
        <section className="tab-body">
          {tab === 'maps' && <MapsTab ws={ws} canEdit={w?.role !== 'viewer'} />}
          {tab === 'actors' && <ActorsTab ws={ws} />}
          {tab === 'sources' && <SourcesTab ws={ws} canEdit={w?.role !== 'viewer'} />}
          {tab === 'demands' && <DemandsTab ws={ws} canEdit={w?.role !== 'viewer'} />}
          {tab === 'tasks' && <TasksTab ws={ws} canEdit={w?.role !== 'viewer'} />}
          {tab === 'history' && <HistoryTab ws={ws} canEdit={w?.role !== 'viewer'} />}
          {tab === 'members' && <MembersTab ws={ws} isOwner={w?.role === 'owner'} />}
          {tab === 'settings' && (
            <>
              {w?.role === 'owner' && <WorkspaceCard key={w.version} workspace={w} />}
              <SettingsTab ws={ws} isOwner={w?.role === 'owner'} />
            </>
          )}
          {tab === 'coalition' && <CoalitionTab ws={ws} />}
          {tab === 'import' && <ImportWizard ws={ws} />}
        </section>
      </main>
    </div>
  );
}
