import { useState } from 'react';
import { endpoints } from '../../api/endpoints';
import { errorText } from '../../api/queries';
import { useEditor, useEditorState } from '../../editor/context';
import { ActorSelect } from '../../editor/explore/ActorSelect';
import { visibleActors } from '../../graph/doc';

interface PathsAnswer {
  paths: { actorIds: string[]; steps: { relationshipId: string }[] }[];
  note: string;
}
interface BrokersAnswer {
  items: { actorId: string; brokerScore: number }[];
  method: string;
}
interface LeverageAnswer {
  routes: { actorIds: string[]; steps: { relationshipId: string }[]; summary: string; score: number }[];
  method: string;
}

interface Line {
  text: string;
  actors: string[];
  rels: string[];
}
type Result = { title: string; lines: Line[]; note: string } | { error: string };

/** The analysis questions asked of the shared map: answered from the map alone, in the owner's data. */
export function SharedAnalysis({ ws, shareId }: { ws: string; shareId: string }) {
  const editor = useEditor();
  const doc = useEditorState((s) => s.doc);
  const selection = useEditorState((s) => s.selection);
  const actors = visibleActors(doc).sort((a, b) => a.name.localeCompare(b.name));
  const [from, setFrom] = useState(selection.actors[0] ?? '');
  const [to, setTo] = useState(selection.actors[1] ?? '');
  const [target, setTarget] = useState('');
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState(false);
  const name = (id: string) => doc.actors[id]?.name ?? '?';
  const light = (l: Line) => editor.store.set({ highlight: { actors: l.actors, relationships: l.rels, label: l.text } });
  const ask = async <T,>(question: string, params: Record<string, string | number>, shape: (answer: T) => Result) => {
    setBusy(true);
    try {
      const answer = await endpoints.sharedAnalysis<T>(ws, shareId, question, params);
      const shaped = shape(answer);
      setResult(shaped);
      if ('lines' in shaped && shaped.lines[0]) light(shaped.lines[0]);
    } catch (error) {
      setResult({ error: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="panel">
      <section>
        <h3>Find connections</h3>
        <ActorSelect label="From" actors={actors} value={from} onChange={setFrom} />
        <ActorSelect label="To" actors={actors} value={to} onChange={setTo} />
        <button
          className="btn"
          disabled={busy || !from || !to || from === to}
          onClick={() =>
            void ask<PathsAnswer>('paths', { from, to, k: 3 }, (a) => ({
              title: 'Connections',
              note: a.note,
              lines: a.paths.map((p) => ({
                text: p.actorIds.map(name).join(' → '),
                actors: p.actorIds,
                rels: p.steps.map((s) => s.relationshipId),
              })),
            }))
          }
        >
          Find connections
        </button>
      </section>
      <section>
        <h3>Routes to a target</h3>
        <ActorSelect label="Target" actors={actors} value={target} onChange={setTarget} />
        <button
          className="btn"
          disabled={busy || !target}
          onClick={() =>
            void ask<LeverageAnswer>('leverage', { target }, (a) => ({
              title: 'Leverage routes from the base on this map',
              note: a.routes.length ? '' : a.method,
              lines: a.routes.map((r) => ({
                text: `${r.summary} (score ${r.score})`,
                actors: r.actorIds,
                rels: r.steps.map((s) => s.relationshipId),
              })),
            }))
          }
        >
          Find routes
        </button>
      </section>
      <section>
        <h3>Power brokers</h3>
        <button
          className="btn"
          disabled={busy}
          onClick={() =>
            void ask<BrokersAnswer>('brokers', { limit: 8 }, (a) => ({
              title: 'Power brokers on this map',
              note: '',
              lines: a.items.map((i) => ({ text: `${name(i.actorId)} — ${i.brokerScore.toFixed(0)}`, actors: [i.actorId], rels: [] })),
            }))
          }
        >
          Who are the brokers?
        </button>
      </section>
      {result && 'error' in result && (
        <div className="alert alert-error" role="alert">
          {result.error}
        </div>
      )}
      {result && 'lines' in result && (
        <section aria-live="polite">
          <h4>{result.title}</h4>
          {result.note && <p className="muted small">{result.note}</p>}
          <ol className="path-list">
            {result.lines.map((l) => (
              <li key={l.text}>
                <button className="linklike" onClick={() => light(l)}>
                  {l.text}
                </button>
              </li>
            ))}
          </ol>
          {result.lines.length > 0 && (
            <button className="btn btn-small" onClick={() => editor.store.set({ highlight: null })}>
              Clear the highlight
            </button>
          )}
        </section>
      )}
    </div>
  );
}
