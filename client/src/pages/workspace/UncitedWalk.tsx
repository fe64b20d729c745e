import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { UncitedItem } from '../../api/domain';
import { endpoints } from '../../api/endpoints';
import { ApiError } from '../../api/http';
import { errorText, keys } from '../../api/queries';
import { Link } from '../../components/Link';
import { SourcePicker } from '../../components/SourcePicker';
import { typeLabels } from '../../graph/visual';
import { paths } from '../../router';

/** How many uncited records one request brings; the next page is asked for when the walk reaches it. */
const PAGE = 100;

export const uncitedLabel = (item: UncitedItem) =>
  item.kind === 'actor'
    ? item.actor.name
    : `${item.relationship.from.name} → ${item.relationship.to.name} (${typeLabels[item.relationship.type]})`;
export const uncitedKey = (item: UncitedItem) => (item.kind === 'actor' ? item.actor.id : item.relationship.id);

interface Walk {
  /** The records of this pass, in order; `pos` is the one shown. */
  items: UncitedItem[];
  pos: number;
  /** How many this pass holds (the workspace's count on the first pass, the skipped ones after). */
  total: number;
  /** The next page of uncited records (first pass only). */
  cursor: string | null;
  skipped: UncitedItem[];
  pass: number;
  cited: number;
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * The uncited actors and ties, one at a time: cite a source (it is saved with the record's
 * version, so nobody's newer edit is overwritten) or skip; skipped ones come back at the end.
 * Enter cites, S skips.
 */
export function UncitedWalk({ ws, onClose }: { ws: string; onClose: () => void }) {
  const client = useQueryClient();
  const [walk, setWalk] = useState<Walk | null>(null);
  const [citing, setCiting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(
    async (cursor: string | null) => {
      const page = await endpoints.sourceIndex(ws, { limit: 1, uncitedLimit: PAGE, uncitedCursor: cursor });
      return { items: page.uncited.items, cursor: page.uncited.nextCursor, total: page.uncited.actors + page.uncited.relationships };
    },
    [ws],
  );

  useEffect(() => {
    let live = true;
    load(null).then(
      (first) => live && setWalk({ items: first.items, pos: 0, total: first.total, cursor: first.cursor, skipped: [], pass: 1, cited: 0 }),
      (error: unknown) => live && setProblem(errorText(error)),
    );
    return () => {
      live = false;
    };
  }, [load]);

  /** Moves past the current record; at the end of the loaded ones, loads more or starts on the skipped. */
  const advance = useCallback(
    async (current: Walk, change: { skip?: boolean; cited?: boolean }) => {
      const item = current.items[current.pos];
      let next: Walk = {
        ...current,
        pos: current.pos + 1,
        skipped: change.skip && item ? [...current.skipped, item] : current.skipped,
        cited: current.cited + (change.cited ? 1 : 0),
      };
      if (next.pos >= next.items.length && next.cursor) {
        setBusy(true);
        try {
          const more = await load(next.cursor);
          const seen = new Set(next.items.map(uncitedKey));
          next = { ...next, items: [...next.items, ...more.items.filter((i) => !seen.has(uncitedKey(i)))], cursor: more.cursor };
        } catch (error) {
          setProblem(errorText(error));
          next = { ...next, cursor: null };
        } finally {
          setBusy(false);
        }
      }
      if (next.pos >= next.items.length && next.skipped.length > 0)
        next = { ...next, items: next.skipped, skipped: [], pos: 0, total: next.skipped.length, pass: next.pass + 1 };
      setCiting(false);
      setWalk(next);
    },
    [load],
  );

  const current = walk?.items[walk.pos] ?? null;
  const label = current ? uncitedLabel(current) : '';

  const cite = async (sourceId: string) => {
    if (!walk || !current) return;
    setBusy(true);
    setProblem(null);
    try {
      if (current.kind === 'actor')
        await endpoints.patchActor(ws, current.actor.id, { sourceIds: [sourceId], version: current.actor.version });
      else await endpoints.patchRelationship(ws, current.relationship.id, { sourceIds: [sourceId], version: current.relationship.version });
      void client.invalidateQueries({ queryKey: keys.sources(ws) });
      setBusy(false);
      await advance(walk, { cited: true });
    } catch (error) {
      setBusy(false);
      const now =
        error instanceof ApiError && error.status === 409 ? (error.problem.current as { version?: unknown } | undefined) : undefined;
      if (now && typeof now.version === 'number') {
        // Changed by someone else meanwhile: nothing was written; citing again adds the source to their version.
        const version = now.version;
        const fresh: UncitedItem =
          current.kind === 'actor'
            ? { ...current, actor: { ...current.actor, version } }
            : { ...current, relationship: { ...current.relationship, version } };
        setWalk({ ...walk, items: walk.items.map((i, k) => (k === walk.pos ? fresh : i)) });
        setProblem(`${label} was not cited: someone changed it meanwhile. Cite again to add the source to their version.`);
      } else setProblem(`${label} was not cited: ${errorText(error)}`);
    }
  };
  const skip = () => {
    if (!walk || !current || busy) return;
    setProblem(null);
    void advance(walk, { skip: true });
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target) || !current) return;
      if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement || e.target instanceof HTMLAnchorElement)) {
        e.preventDefault();
        setCiting(true);
      } else if (e.key === 's' || e.key === 'S') {
        e.preventDefault();
        skip();
      } else if (e.key === 'Escape' && !citing) {
        onClose();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const finish = () => {
    void client.invalidateQueries({ queryKey: keys.sources(ws) });
    onClose();
  };

  return (
    <section className="card uncited-walk" aria-label="Work through uncited">
      <div className="panel-head">
        <h2>Work through uncited</h2>
        <button type="button" className="btn btn-small" onClick={finish}>
          Done
        </button>
      </div>
      {!walk && !problem && <p className="page-status">Loading the uncited work…</p>}
      {walk && !current && (
        <div className="walk-done" role="status">
          <p>
            <strong>
              {walk.cited === 0 ? 'Nothing left to go through.' : `You cited ${walk.cited} record${walk.cited === 1 ? '' : 's'}.`}
            </strong>
          </p>
          <p className="muted">Every actor and tie in the list has been cited.</p>
        </div>
      )}
      {walk && current && (
        <div className="walk-item" aria-live="polite">
          <p className="walk-counter" aria-label="Position">
            <strong>
              {walk.pos + 1} of {walk.total}
            </strong>
            {walk.pass > 1 && <span className="muted"> · the ones you skipped</span>}
            {walk.cited > 0 && <span className="muted"> · {walk.cited} cited</span>}
          </p>
          <div className="walk-record">
            <span className="muted small">{current.kind === 'actor' ? 'Actor' : 'Tie'}</span>
            <h3>{current.kind === 'actor' ? <Link to={paths.actor(ws, current.actor.id)}>{label}</Link> : label}</h3>
          </div>
          {citing ? (
            <SourcePicker
              ws={ws}
              value={[]}
              label={`Source for ${label}`}
              autoFocus
              disabled={busy}
              onChange={(ids) => ids[0] && void cite(ids[0])}
              onCancel={() => setCiting(false)}
            />
          ) : null}
          {problem && (
            <div className="field-error" role="alert">
              {problem}
            </div>
          )}
          <div className="form-actions walk-actions">
            {!citing && (
              <button type="button" className="btn btn-primary" disabled={busy} onClick={() => setCiting(true)}>
                Cite <kbd>Enter</kbd>
              </button>
            )}
            <button type="button" className="btn" disabled={busy} onClick={skip}>
              Skip <kbd>S</kbd>
            </button>
          </div>
          <p className="muted small">
            {citing
              ? 'Type a title or paste a URL, then Enter. Esc goes back.'
              : 'Enter cites, S skips; skipped ones come back at the end.'}
          </p>
        </div>
      )}
      {!walk && problem && (
        <div className="alert alert-error" role="alert">
          {problem}
        </div>
      )}
    </section>
  );
}
