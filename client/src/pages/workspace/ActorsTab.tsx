import { useMemo, useState } from 'react';
import { errorText, useActors } from '../../api/queries';
import { ActorGlyph } from '../../components/ActorGlyph';
import { Link } from '../../components/Link';
import { filterActors, sortActors } from '../../graph/table';
import { alignmentLabels, powerLabels, roleLabels } from '../../graph/visual';
import { paths } from '../../router';

/** The workspace's actor directory: every actor, whichever maps show it. */
export function ActorsTab({ ws }: { ws: string }) {
  const actors = useActors(ws);
  const [filter, setFilter] = useState('');
  const rows = useMemo(() => sortActors(filterActors(actors.data ?? [], filter), { key: 'name', direction: 'asc' }), [actors.data, filter]);
  return (
    <div>
      <div className="toolbar-row">
        <input
          type="search"
          className="filter"
          aria-label="Filter actors"
          placeholder="Filter by name, role, sector or tag"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <span className="muted">
          {rows.length} of {actors.data?.length ?? 0}
        </span>
      </div>
      {actors.isPending && (
        <p className="page-status" aria-busy="true">
          Loading actors…
        </p>
      )}
      {actors.isError && (
        <div className="alert alert-error" role="alert">
          Could not load actors: {errorText(actors.error)}
        </div>
      )}
      {actors.isSuccess && actors.data.length === 0 && (
        <div className="empty-state card">
          <h2>No actors yet</h2>
          <p className="muted">Add actors from a map: they appear here, shared by every map of the workspace.</p>
        </div>
      )}
      {rows.length > 0 && (
        <table className="data-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Roles</th>
              <th>Sector</th>
              <th>Power</th>
              <th>Alignment</th>
              <th>Tags</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr key={a.id}>
                <td>
                  <span className="name-cell">
                    <ActorGlyph actor={a} />
                    <Link to={paths.actor(ws, a.id)}>{a.name}</Link>
                  </span>
                </td>
                <td>{a.roles.map((r) => roleLabels[r]).join(', ') || <span className="muted">—</span>}</td>
                <td>{a.sector ?? <span className="muted">—</span>}</td>
                <td>{a.power === null ? <span className="muted">unassessed</span> : `${a.power} · ${powerLabels[a.power]}`}</td>
                <td>
                  {a.alignment === null ? (
                    <span className="muted">unassessed</span>
                  ) : (
                    `${a.alignment > 0 ? '+' : ''}${a.alignment} · ${alignmentLabels[a.alignment]}`
                  )}
                </td>
                <td>
                  {a.tags.map((t) => (
                    <span key={t} className="tag">
                      {t}
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
