import { useState } from 'react';
import {
  relationshipRules,
  relationshipTypes,
  type BrokersAnswer,
  type CommunitiesAnswer,
  type InterlocksAnswer,
  type LeverageAnswer,
  type PathsAnswer,
} from '../../api/domain';
import { endpoints } from '../../api/endpoints';
import { errorText } from '../../api/queries';
import { visibleActors, visibleRelationships } from '../../graph/doc';
import { highlightOf, shortestPaths } from '../../graph/paths';
import { communityColors } from '../../graph/visual';
import { dispatch } from '../commands';
import { useEditor, useEditorState } from '../context';
import { ActorSelect } from './ActorSelect';

type Result =
  | {
      kind: 'paths';
      lines: { text: string; actors: string[]; rels: string[] }[];
      note: string;
      missing: number;
      complete: boolean;
      hops: number;
    }
  | { kind: 'brokers'; items: { id: string; name: string; score: number; detail: string }[]; method: string }
  | { kind: 'communities'; items: { name: string; size: number; color: string }[]; modularity: number }
  | { kind: 'interlocks'; groups: { label: string; names: string[]; actors: string[]; rels: string[] }[] }
  | {
      kind: 'leverage';
      routes: { summary: string; explanation: string[]; score: number; actors: string[]; rels: string[] }[];
      method: string;
      complete: boolean;
    }
  | { kind: 'error'; text: string };

/** The questions a power map answers, asked of the analysis service and drawn on the map. */
export function ExplorePanel({ ws, mapId }: { ws: string; mapId: string }) {
  const editor = useEditor();
  const doc = useEditorState((s) => s.doc);
  const selection = useEditorState((s) => s.selection);
  const sizeBy = useEditorState((s) => s.sizeBy);
  const colorBy = useEditorState((s) => s.colorBy);
  const actors = visibleActors(doc).sort((a, b) => a.name.localeCompare(b.name));
  const [from, setFrom] = useState(selection.actors[0] ?? '');
  const [to, setTo] = useState(selection.actors[1] ?? '');
  const [target, setTarget] = useState('');
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState(false);
  // Search limits for connections and routes: the controls the "search stopped" advice names.
  const [hops, setHops] = useState('');
  const [types, setTypes] = useState<string[]>([]);
  const [onMapOnly, setOnMapOnly] = useState(false);
  const limits = { maxHops: hops || undefined, types: types.length ? types : undefined, map: onMapOnly ? mapId : undefined };
  const [brokerScores, setBrokerScores] = useState<Record<string, number> | null>(null);
  const name = (id: string, extra: { id: string; name: string }[] = []) =>
    doc.actors[id]?.name ?? extra.find((a) => a.id === id)?.name ?? 'someone off the map';
  const light = (actorIds: string[], relationshipIds: string[], label: string) =>
    editor.store.set({ highlight: { actors: actorIds, relationships: relationshipIds, label } });

  const ask = async (job: () => Promise<Result>) => {
    setBusy(true);
    try {
      setResult(await job());
    } catch (error) {
      setResult({ kind: 'error', text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  const findPaths = () =>
    ask(async () => {
      let lines: { text: string; actors: string[]; rels: string[] }[];
      let note: string;
      let complete = true;
      let extra: { id: string; name: string }[] = [];
      try {
        const answer = await endpoints.analysis<PathsAnswer>(ws, 'paths', { from, to, k: 3, ...limits });
        extra = answer.actors;
        note = answer.note;
        complete = answer.complete;
        lines = answer.paths.map((p) => ({ text: '', actors: p.actorIds, rels: p.steps.map((s) => s.relationshipId) }));
      } catch {
        // The service is unreachable: answer from what this map shows.
        lines = shortestPaths(visibleRelationships(doc), from, to).map((p) => ({ text: '', actors: p.actorIds, rels: p.relationshipIds }));
        note = 'Computed from this map only.';
      }
      lines = lines.map((l) => ({ ...l, text: l.actors.map((id) => name(id, extra)).join(' → ') }));
      const h = highlightOf(lines.map((l) => ({ actorIds: l.actors, relationshipIds: l.rels })));
      if (lines.length) light([...h.actors], [...h.relationships], 'Connections');
      else editor.store.set({ highlight: null });
      return {
        kind: 'paths',
        lines,
        note,
        complete,
        hops: Number(hops || 6),
        missing: [...h.actors].filter((id) => !doc.members[id]).length,
      };
    });

  const brokers = () =>
    ask(async () => {
      const answer = await endpoints.analysis<BrokersAnswer>(ws, 'brokers', { map: mapId, limit: 10 });
      const max = Math.max(1e-9, ...answer.items.map((i) => i.brokerScore));
      setBrokerScores(Object.fromEntries(answer.items.map((i) => [i.actorId, i.brokerScore / max])));
      return {
        kind: 'brokers',
        method: answer.method,
        items: answer.items.map((i) => ({
          id: i.actorId,
          name: name(i.actorId, answer.actors),
          score: i.brokerScore,
          detail: `${i.degree} tie${i.degree === 1 ? '' : 's'} · betweenness ${i.betweenness.toFixed(2)}`,
        })),
      };
    });

  const communities = () =>
    ask(async () => {
      const answer = await endpoints.analysis<CommunitiesAnswer>(ws, 'communities', { map: mapId });
      const colors: Record<string, string> = {};
      const items = answer.communities.map((c, i) => {
        const color = communityColors[i % communityColors.length]!;
        c.actorIds.forEach((id) => (colors[id] = color));
        return { name: c.name, size: c.size, color };
      });
      editor.store.set({ colorBy: colors });
      return { kind: 'communities', items, modularity: answer.modularity };
    });

  const interlocks = () =>
    ask(async () => {
      const answer = await endpoints.analysis<InterlocksAnswer>(ws, 'interlocks', { actors: selection.actors });
      const groups = [
        ...answer.groups,
        ...(answer.mixed.length ? [{ type: 'MIXED', label: 'Through ties of different types', items: answer.mixed }] : []),
      ].map((g) => ({
        label: g.label,
        names: g.items.map((i) => name(i.actorId, answer.actors)),
        actors: [...selection.actors, ...g.items.map((i) => i.actorId)],
        rels: g.items.flatMap((i) => i.relationshipIds),
      }));
      if (groups.length)
        light(
          [...new Set(groups.flatMap((g) => g.actors))],
          groups.flatMap((g) => g.rels),
          'Interlocks',
        );
      return { kind: 'interlocks', groups };
    });

  const leverage = () =>
    ask(async () => {
      const answer = await endpoints.analysis<LeverageAnswer>(ws, 'leverage', { target, from: 'base', k: 5, ...limits });
      const routes = answer.routes.map((r) => ({
        summary: r.summary,
        explanation: r.explanation,
        score: r.score,
        actors: r.actorIds,
        rels: r.steps.map((s) => s.relationshipId),
      }));
      if (routes[0]) light(routes[0].actors, routes[0].rels, 'Best route');
      return { kind: 'leverage', routes, method: answer.method, complete: answer.complete };
    });

  const addMissing = async (ids: string[]) => {
    const missing = ids.filter((id) => !doc.members[id]);
    if (!missing.length) return;
    const fetched = await Promise.all(missing.map((id) => endpoints.actor(ws, id)));
    await dispatch(editor, 'addToMap', {
      actors: fetched,
      positions: Object.fromEntries(missing.map((id, i) => [id, { x: 200 + 80 * i, y: -150 }])),
    });
  };

  return (
    <div className="panel explore">
      <section>
        <h3>Find connections</h3>
        <ActorSelect label="From" actors={actors} value={from} onChange={setFrom} />
        <ActorSelect label="To" actors={actors} value={to} onChange={setTo} />
        <button className="btn btn-primary" disabled={!from || !to || from === to || busy} onClick={() => void findPaths()}>
          Find connections
        </button>
      </section>
      <section>
        <h3>Leverage routes</h3>
        <p className="muted small">
          From our base (actors with the role “our base”) to a target, ranked by tie strength and the stance of everyone in between.
        </p>
        <ActorSelect label="Target" actors={actors} value={target} onChange={setTarget} />
        <button className="btn" disabled={!target || busy} onClick={() => void leverage()}>
          Find routes
        </button>
      </section>
      <section>
        <details className="search-limits">
          <summary>Search limits for connections and routes</summary>
          <label className="inline small">
            Most steps{' '}
            <select value={hops} onChange={(e) => setHops(e.target.value)}>
              <option value="">default (6 for connections, 4 for routes)</option>
              {[1, 2, 3, 4, 5, 6].map((n) => (
                <option key={n} value={String(n)}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <label className="inline small">
            <input type="checkbox" checked={onMapOnly} onChange={(e) => setOnMapOnly(e.target.checked)} /> Only actors on this map
          </label>
          <fieldset className="small">
            <legend>Tie types (none ticked: all)</legend>
            {relationshipTypes.map((t) => (
              <label key={t} className="inline">
                <input
                  type="checkbox"
                  checked={types.includes(t)}
                  onChange={(e) => setTypes(e.target.checked ? [...types, t] : types.filter((x) => x !== t))}
                />{' '}
                {relationshipRules[t].label}
              </label>
            ))}
          </fieldset>
        </details>
      </section>
      <section>
        <h3>Structure</h3>
        <div className="btn-row">
          <button className="btn" disabled={busy} onClick={() => void brokers()}>
            Power brokers
          </button>
          <button className="btn" disabled={busy} onClick={() => void communities()}>
            Communities
          </button>
          <button
            className="btn"
            disabled={busy || selection.actors.length < 2}
            title="Select two or more actors first"
            onClick={() => void interlocks()}
          >
            Interlocks of selection
          </button>
        </div>
        {(colorBy || sizeBy) && (
          <button className="btn btn-small" onClick={() => editor.store.set({ colorBy: null, sizeBy: null })}>
            Reset colours and sizes
          </button>
        )}
      </section>
      {busy && (
        <p className="muted" aria-live="polite">
          Working…
        </p>
      )}
      {result && !busy && (
        <section className="result" aria-live="polite">
          {result.kind === 'error' && <div className="alert alert-error">{result.text}</div>}
          {result.kind === 'paths' && (
            <>
              <h4>
                {result.lines.length
                  ? `${result.lines.length} shortest connection${result.lines.length === 1 ? '' : 's'}`
                  : result.complete
                    ? 'No connection found'
                    : 'The search stopped before finishing'}
              </h4>
              {result.lines.length === 0 && result.complete && (
                <p className="muted small">
                  These two are not linked within {result.hops} step{result.hops === 1 ? '' : 's'}. Research a tie, or look at who knows
                  both.
                </p>
              )}
              {!result.complete && <StoppedAdvice />}
              <ol className="path-list">
                {result.lines.map((l, i) => (
                  <li key={i}>
                    <button className="linklike" onClick={() => light(l.actors, l.rels, 'Connection')}>
                      {l.text}
                    </button>
                  </li>
                ))}
              </ol>
              {result.note && <p className="muted small">{result.note}</p>}
              {result.missing > 0 && (
                <button className="btn btn-small" onClick={() => void addMissing(result.lines.flatMap((l) => l.actors))}>
                  Add {result.missing} actor{result.missing === 1 ? '' : 's'} on these paths to the map
                </button>
              )}
            </>
          )}
          {result.kind === 'brokers' && (
            <>
              <h4>Power brokers on this map</h4>
              <label className="inline small">
                <input
                  type="checkbox"
                  checked={!!sizeBy}
                  onChange={(e) => editor.store.set({ sizeBy: e.target.checked ? brokerScores : null })}
                />{' '}
                Size actors by broker score
              </label>
              <ol className="rank-list">
                {result.items.map((i) => (
                  <li key={i.id}>
                    <button
                      className="linklike"
                      onClick={() =>
                        editor.store.set({ selection: { actors: [i.id], relationships: [] }, focusRequest: { id: i.id, n: Date.now() } })
                      }
                    >
                      {i.name}
                    </button>{' '}
                    <span className="muted small">
                      {i.score.toFixed(2)} · {i.detail}
                    </span>
                  </li>
                ))}
              </ol>
              <p className="muted small">{result.method}</p>
            </>
          )}
          {result.kind === 'communities' && (
            <>
              <h4>
                {result.items.length} communities <span className="muted small">(modularity {result.modularity.toFixed(2)})</span>
              </h4>
              <ul className="community-list">
                {result.items.map((c) => (
                  <li key={c.name}>
                    <span className="swatch" style={{ background: c.color }} /> {c.name} <span className="muted small">· {c.size}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
          {result.kind === 'interlocks' && (
            <>
              <h4>Shared by the selected actors</h4>
              {result.groups.length === 0 && <p className="muted small">They share no board member, donor, owner or other tie.</p>}
              {result.groups.map((g) => (
                <div key={g.label} className="interlock">
                  <button className="linklike" onClick={() => light(g.actors, g.rels, g.label)}>
                    {g.label}
                  </button>
                  : {g.names.join(', ')}
                </div>
              ))}
            </>
          )}
          {result.kind === 'leverage' && (
            <>
              <h4>
                {result.routes.length
                  ? 'Routes from our base'
                  : result.complete
                    ? 'No route from our base'
                    : 'The search stopped before finishing'}
              </h4>
              {!result.complete && <StoppedAdvice />}
              {result.routes.length === 0 && result.complete && (
                <p className="muted small">Mark your own members and organisations with the role “our base”, and map who they know.</p>
              )}
              <ol className="route-list">
                {result.routes.map((r, i) => (
                  <li key={i}>
                    <button className="linklike" onClick={() => light(r.actors, r.rels, 'Route')}>
                      {r.summary}
                    </button>
                    <span className="muted small"> score {r.score.toFixed(2)}</span>
                    <ul className="small muted">
                      {r.explanation.map((e) => (
                        <li key={e}>{e}</li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ol>
            </>
          )}
        </section>
      )}
    </div>
  );
}

/** Said instead of "not linked" when a search was stopped: it names the controls above. */
function StoppedAdvice() {
  return (
    <p className="alert small" role="status">
      The search stopped before finishing — try fewer hops, fewer types or a smaller scope (under “Search limits for connections and
      routes”: most steps, tie types, only actors on this map).
    </p>
  );
}
