import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { SourceIndex, UncitedItem } from '../../api/domain';
import { typeLabels } from '../../graph/visual';
import { endpoints } from '../../api/endpoints';
import { errorText, keys } from '../../api/queries';
import { Link } from '../../components/Link';
import { paths } from '../../router';
import { UncitedWalk, uncitedKey, uncitedLabel } from './UncitedWalk';

const sourceIndexKey = (ws: string, cursor: string | null, uncited: string | null) =>
  ['ws', ws, 'sources', 'index', cursor, uncited] as const;
type Entry = SourceIndex['sources'][number];

/** Every source with what cites it, and the work still citing nothing, to go through one by one. */
export function SourcesTab({ ws, canEdit }: { ws: string; canEdit: boolean }) {
  const [cursor, setCursor] = useState<string | null>(null);
  const [uncitedCursor, setUncitedCursor] = useState<string | null>(null);
  const [walking, setWalking] = useState(false);
  const index = useQuery({
    queryKey: sourceIndexKey(ws, cursor, uncitedCursor),
    queryFn: () => endpoints.sourceIndex(ws, { cursor, uncitedCursor }),
  });
  const data = index.data;
  return (
    <div className="sources-tab">
      {index.isPending && <p className="page-status">Loading sources…</p>}
      {index.isError && (
        <div className="alert alert-error" role="alert">
          Could not load the sources: {errorText(index.error)}
        </div>
      )}
      {data && (
        <div className="sources-columns">
          {walking ? (
            <UncitedWalk ws={ws} onClose={() => setWalking(false)} />
          ) : (
            <section className="card" aria-label="Uncited work">
              <h2>
                Uncited work <span className="badge">{data.uncited.actors + data.uncited.relationships}</span>
              </h2>
              <p className="muted small">
                {data.uncited.actors} actor{data.uncited.actors === 1 ? '' : 's'} and {data.uncited.relationships} tie
                {data.uncited.relationships === 1 ? '' : 's'} cite no source yet.
              </p>
              {canEdit && data.uncited.items.length > 0 && (
                <button type="button" className="btn btn-primary" onClick={() => setWalking(true)}>
                  Work through uncited
                </button>
              )}
              {data.uncited.items.length === 0 ? (
                <p>Everything cites a source.</p>
              ) : (
                <ol className="plain uncited-work">
                  {data.uncited.items.map((item) => (
                    <UncitedRow key={uncitedKey(item)} ws={ws} item={item} canEdit={canEdit} />
                  ))}
                </ol>
              )}
              <div className="form-actions">
                {uncitedCursor && (
                  <button type="button" className="btn btn-small" onClick={() => setUncitedCursor(null)}>
                    Back to the start
                  </button>
                )}
                {data.uncited.nextCursor && (
                  <button type="button" className="btn btn-small" onClick={() => setUncitedCursor(data.uncited.nextCursor)}>
                    Next uncited
                  </button>
                )}
              </div>
            </section>
          )}
          <section className="card" aria-label="Sources">
            <h2>
              Sources <span className="badge">{data.totals.sources}</span>
            </h2>
            {data.totals.uncitedSources > 0 && (
              <p className="muted small">
                {data.totals.uncitedSources} source{data.totals.uncitedSources === 1 ? '' : 's'} nothing cites.
              </p>
            )}
            {data.sources.length === 0 ? (
              <p className="muted">No sources yet: cite one from an actor or a tie, or from the uncited work.</p>
            ) : (
              <ul className="plain source-index">
                {data.sources.map((entry) => (
                  <SourceEntry key={entry.source.id} ws={ws} entry={entry} />
                ))}
              </ul>
            )}
            <div className="form-actions">
              {cursor && (
                <button type="button" className="btn btn-small" onClick={() => setCursor(null)}>
                  Newest sources
                </button>
              )}
              {data.nextCursor && (
                <button type="button" className="btn btn-small" onClick={() => setCursor(data.nextCursor)}>
                  Older sources
                </button>
              )}
            </div>
          </section>
        </div>
      )}
    </div>
  );
}

function SourceEntry({ ws, entry }: { ws: string; entry: Entry }) {
  const { source, counts } = entry;
  const more = (shown: number, all: number) => (all > shown ? <li className="muted">and {all - shown} more</li> : null);
  return (
    <li className="source-entry" aria-label={source.title ?? source.url}>
      <div>
        {source.title && <strong>{source.title} </strong>}
        <a className="source-url" href={source.url} target="_blank" rel="noreferrer">
          {source.url}
        </a>
      </div>
      <p className="small muted">
        {counts.total === 0
          ? 'Nothing cites it yet.'
          : `Cited by ${counts.actors} actor${counts.actors === 1 ? '' : 's'}, ${counts.relationships} tie${
              counts.relationships === 1 ? '' : 's'
            } and ${counts.readings} assessment${counts.readings === 1 ? '' : 's'}.`}
      </p>
      {counts.total > 0 && (
        <ul className="plain cited-by">
          {entry.actors.map((a) => (
            <li key={a.id}>
              <span className="muted">Actor</span> <Link to={paths.actor(ws, a.id)}>{a.name}</Link>
            </li>
          ))}
          {more(entry.actors.length, counts.actors)}
          {entry.relationships.map((r) => (
            <li key={r.id}>
              <span className="muted">{typeLabels[r.type]}</span> {r.from.name} → {r.to.name}
            </li>
          ))}
          {more(entry.relationships.length, counts.relationships)}
          {entry.readings.map((x) => (
            <li key={x.id}>
              <span className="muted">Assessment</span> <Link to={paths.actor(ws, x.actor.id)}>{x.actor.name}</Link> ({x.at.slice(0, 10)}
              {x.power !== null ? `, power ${x.power}` : ''})
            </li>
          ))}
          {more(entry.readings.length, counts.readings)}
        </ul>
      )}
    </li>
  );
}

/** One actor or tie without a source: cite one (a URL, or a source already known) in one step. */
function UncitedRow({ ws, item, canEdit }: { ws: string; item: UncitedItem; canEdit: boolean }) {
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const label = uncitedLabel(item);

  const cite = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const source = await endpoints.createSource(ws, { url: url.trim(), title: title.trim() || null });
      if (item.kind === 'actor') await endpoints.patchActor(ws, item.actor.id, { sourceIds: [source.id], version: item.actor.version });
      else await endpoints.patchRelationship(ws, item.relationship.id, { sourceIds: [source.id], version: item.relationship.version });
      await client.invalidateQueries({ queryKey: keys.sources(ws) });
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="uncited-item">
      <div className="uncited-row">
        <span>
          <span className="muted small">{item.kind === 'actor' ? 'Actor' : 'Tie'}</span>{' '}
          {item.kind === 'actor' ? <Link to={paths.actor(ws, item.actor.id)}>{label}</Link> : label}
        </span>
        {canEdit && !open && (
          <button type="button" className="btn btn-small" onClick={() => setOpen(true)} aria-label={`Add a source for ${label}`}>
            Add a source
          </button>
        )}
      </div>
      {open && (
        <form className="cite-form" onSubmit={cite} aria-label={`Source for ${label}`}>
          <input type="url" required placeholder="https://…" aria-label="Source URL" value={url} onChange={(e) => setUrl(e.target.value)} />
          <input placeholder="Title (optional)" aria-label="Source title" value={title} onChange={(e) => setTitle(e.target.value)} />
          <button className="btn btn-primary btn-small" type="submit" disabled={busy || !url.trim()}>
            Cite
          </button>
          <button className="btn btn-small" type="button" onClick={() => setOpen(false)}>
            Skip
          </button>
          {problem && (
            <div className="field-error" role="alert">
              {problem}
            </div>
          )}
        </form>
      )}
    </li>
  );
}
