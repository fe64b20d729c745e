import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { taskStatuses, type Task } from '../../api/domain';
import { endpoints } from '../../api/endpoints';
import { errorText, useActors } from '../../api/queries';
import { Link } from '../../components/Link';
import { paths } from '../../router';
import '../demand/demand.css';
import { day, label } from '../demand/format';
import { demandKeys } from '../demand/queries';

/** The research still to do, per member: what the team looks at to divide the week's work. */
export function TasksTab({ ws, canEdit }: { ws: string; canEdit: boolean }) {
  const tasks = useQuery({ queryKey: demandKeys.tasks(ws), queryFn: async () => (await endpoints.openTasks(ws)).items });
  const actors = useActors(ws);
  const names = new Map((actors.data ?? []).map((a) => [a.id, a.name]));
  const client = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);

  const setStatus = async (t: Task, status: Task['status']) => {
    setProblem(null);
    try {
      await endpoints.patchTask(ws, t.id, { status, version: t.version });
      await client.invalidateQueries({ queryKey: demandKeys.tasks(ws) });
    } catch (error) {
      setProblem(errorText(error));
    }
  };

  const groups = tasks.data ?? [];
  return (
    <div className="tasks-tab">
      {problem && (
        <div className="alert alert-error" role="alert">
          {problem}
        </div>
      )}
      {tasks.isPending && <p className="page-status">Loading tasks…</p>}
      {tasks.isError && (
        <div className="alert alert-error" role="alert">
          Could not load tasks: {errorText(tasks.error)}
        </div>
      )}
      {tasks.isSuccess && groups.length === 0 && (
        <div className="empty-state card">
          <h2>No open tasks</h2>
          <p className="muted">Turn an uncited tie into a task from the map's inspector to track the research still to do.</p>
        </div>
      )}
      <div className="card-grid">
        {groups.map((g) => (
          <section key={g.assigneeId ?? 'nobody'} className="card" aria-label={`Tasks of ${g.name ?? 'nobody yet'}`}>
            <h2>
              {g.name ?? 'Not assigned yet'} <span className="badge">{g.tasks.length} open</span>
            </h2>
            <ul className="plain task-list">
              {g.tasks.map((t) => (
                <li key={t.id} className="task-row">
                  <div>
                    <strong>{t.title}</strong>
                    <div className="muted small">
                      {t.due ? `Due ${day(t.due)}` : 'No due date'}
                      {t.actorIds.length > 0 && (
                        <>
                          {' · '}
                          {t.actorIds.map((a, i) => (
                            <span key={a}>
                              {i > 0 && ', '}
                              <Link to={paths.actor(ws, a)}>{names.get(a) ?? 'an actor'}</Link>
                            </span>
                          ))}
                        </>
                      )}
                    </div>
                  </div>
                  <select
                    aria-label={`Status of ${t.title}`}
                    value={t.status}
                    disabled={!canEdit}
                    onChange={(e) => void setStatus(t, e.target.value as Task['status'])}
                  >
                    {taskStatuses.map((s) => (
                      <option key={s} value={s}>
                        {label(s)}
                      </option>
                    ))}
                  </select>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
