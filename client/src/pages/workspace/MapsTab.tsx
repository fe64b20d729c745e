import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { mapCreate, mapPatch, type MapSummary } from '../../api/domain';
import { endpoints } from '../../api/endpoints';
import { errorText, keys, useMaps } from '../../api/queries';
import { Field } from '../../components/Field';
import { Link } from '../../components/Link';
import { validate, type FieldErrors } from '../../components/validate';
import { navigate, paths } from '../../router';
import { SharingSections } from './SharingSections';

export function MapsTab({ ws, canEdit }: { ws: string; canEdit: boolean }) {
  const maps = useMaps(ws);
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    const checked = validate(mapCreate, { name });
    if (!checked.ok) return setErrors(checked.errors);
    try {
      const map = await endpoints.createMap(ws, { name: checked.data.name });
      await client.invalidateQueries({ queryKey: keys.maps(ws) });
      navigate(paths.map(ws, map.id));
    } catch (error) {
      setProblem(errorText(error));
    }
  };

  const items = maps.data ?? [];
  return (
    <div className="two-col">
      <div>
        {maps.isPending && (
          <p className="page-status" aria-busy="true">
            Loading maps…
          </p>
        )}
        {maps.isError && (
          <div className="alert alert-error" role="alert">
            Could not load the maps: {errorText(maps.error)}
          </div>
        )}
        {maps.isSuccess && items.length === 0 && (
          <div className="empty-state card">
            <h2>No maps yet</h2>
            <p className="muted">
              A map is a view over the workspace: the actors around one demand, their ties, and where each stands. Create one to start.
            </p>
          </div>
        )}
        <ul className="list" aria-label="Maps">
          {items.map((m) => (
            <li key={m.id} className="list-row">
              <Link to={paths.map(ws, m.id)} className="list-title">
                {m.name}
              </Link>
              <span className="muted">
                {m.memberCount} actor{m.memberCount === 1 ? '' : 's'} · opens in {m.defaultView} view · updated{' '}
                {new Date(m.updatedAt).toLocaleDateString()}
              </span>
              {canEdit && <MapRowActions ws={ws} map={m} />}
            </li>
          ))}
        </ul>
        <SharingSections ws={ws} />
      </div>
      {canEdit && (
        <form className="card form-card" onSubmit={create} noValidate>
          <h2>New map</h2>
          <Field label="Map name" error={errors.name}>
            {(p) => (
              <input
                {...p}
                name="map-name"
                placeholder="e.g. Who decides on school nurses"
                value={name}
                onChange={(e) => setName(e.target.value)}
              />
            )}
          </Field>
          {problem && (
            <div className="alert alert-error" role="alert">
              {problem}
            </div>
          )}
          <button className="btn btn-primary" type="submit">
            Create map
          </button>
        </form>
      )}
    </div>
  );
}

/** Rename, duplicate or delete one map, in its row. A deleted map can be brought back from History. */
function MapRowActions({ ws, map }: { ws: string; map: MapSummary }) {
  const client = useQueryClient();
  const [mode, setMode] = useState<'idle' | 'rename' | 'confirm-delete' | 'busy'>('idle');
  const [name, setName] = useState(map.name);
  const [problem, setProblem] = useState<string | null>(null);

  const run = async (work: () => Promise<unknown>) => {
    setMode('busy');
    setProblem(null);
    try {
      await work();
      await client.invalidateQueries({ queryKey: keys.maps(ws) });
      setMode('idle');
    } catch (error) {
      setProblem(errorText(error));
      setMode('idle');
    }
  };
  const rename = (e: FormEvent) => {
    e.preventDefault();
    const checked = validate(mapPatch, { name });
    if (!checked.ok) return setProblem(checked.errors.name ?? 'The name is not valid.');
    void run(() => endpoints.updateMap(ws, map.id, { name: checked.data.name!, version: map.version }));
  };
  const duplicate = () =>
    run(async () => {
      const full = await endpoints.map(ws, map.id);
      await endpoints.createMap(ws, {
        name: `${full.name} (copy)`.slice(0, 200),
        description: full.description,
        defaultView: full.defaultView,
        members: full.members,
        annotations: full.annotations,
      });
    });

  return (
    <div className="map-row-actions">
      {mode === 'rename' ? (
        <form onSubmit={rename} className="inline">
          <input aria-label={`New name for ${map.name}`} value={name} onChange={(e) => setName(e.target.value)} autoFocus />
          <button className="btn btn-primary" type="submit">
            Save
          </button>
          <button className="btn" type="button" onClick={() => setMode('idle')}>
            Cancel
          </button>
        </form>
      ) : mode === 'confirm-delete' ? (
        <>
          <span role="alert">Delete “{map.name}”? Its actors stay in the workspace; History can bring the map back.</span>
          <button className="btn btn-danger" type="button" onClick={() => void run(() => endpoints.deleteMap(ws, map.id, map.version))}>
            Delete map
          </button>
          <button className="btn" type="button" onClick={() => setMode('idle')}>
            Keep it
          </button>
        </>
      ) : (
        <>
          <button
            className="btn"
            type="button"
            disabled={mode === 'busy'}
            onClick={() => setMode('rename')}
            aria-label={`Rename ${map.name}`}
          >
            Rename
          </button>
          <button
            className="btn"
            type="button"
            disabled={mode === 'busy'}
            onClick={() => void duplicate()}
            aria-label={`Duplicate ${map.name}`}
          >
            Duplicate
          </button>
          <button
            className="btn"
            type="button"
            disabled={mode === 'busy'}
            onClick={() => setMode('confirm-delete')}
            aria-label={`Delete ${map.name}`}
          >
            Delete
          </button>
        </>
      )}
      {problem && (
        <span className="alert alert-error" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}
