import { useEffect, useState } from 'react';
import { relationshipTypes, type RelationshipType } from '../api/domain';
import { endpoints } from '../api/endpoints';
import { errorText } from '../api/queries';
import { actorFromCreate } from '../graph/apply';
import { typeLabels } from '../graph/visual';
import { dispatch } from './commands';
import { useEditor } from './context';
import { Modal } from './Modal';

interface NeighbourActor {
  id: string;
  name: string;
  kind: 'person' | 'organization';
  roles: never[];
  power: number | null;
  alignment: number | null;
}
interface NeighbourhoodAnswer {
  actors: NeighbourActor[];
  depths: Record<string, number>;
  total: number;
  truncated: boolean;
}

type Direction = 'both' | 'out' | 'in';

/**
 * Who is around an actor, to a depth of one to three ties, through the chosen kinds of tie;
 * previews who is new before anything is added to the map.
 */
export function ExpandDialog({ ws, actorId }: { ws: string; actorId: string }) {
  const editor = useEditor();
  const centre = editor.doc.actors[actorId];
  const [depth, setDepth] = useState(1);
  const [direction, setDirection] = useState<Direction>('both');
  const [types, setTypes] = useState<Set<RelationshipType>>(new Set(relationshipTypes));
  const [answer, setAnswer] = useState<NeighbourhoodAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => editor.store.set({ dialog: null });
  const all = types.size === relationshipTypes.length;

  useEffect(() => {
    if (!types.size) return setAnswer(null);
    let live = true;
    setBusy(true);
    setError(null);
    endpoints
      .analysis<NeighbourhoodAnswer>(ws, 'neighborhood', {
        actor: actorId,
        depth,
        direction,
        limit: 300,
        ...(all ? {} : { types: [...types].join(',') }),
      })
      .then(
        (a) => live && setAnswer(a),
        (e: unknown) => live && setError(errorText(e)),
      )
      .finally(() => live && setBusy(false));
    return () => {
      live = false;
    };
  }, [ws, actorId, depth, direction, types, all]);

  const fresh = (answer?.actors ?? []).filter((a) => a.id !== actorId && !editor.doc.members[a.id]);
  const add = async () => {
    const at = editor.doc.members[actorId];
    const cx = at?.x ?? 0;
    const cy = at?.y ?? 0;
    // Rings by distance from the centre, so the map shows how far each newcomer is.
    const byDepth = new Map<number, NeighbourActor[]>();
    for (const a of fresh) byDepth.set(answer!.depths[a.id] ?? 1, [...(byDepth.get(answer!.depths[a.id] ?? 1) ?? []), a]);
    const positions: Record<string, { x: number; y: number }> = {};
    for (const [d, list] of byDepth) {
      const radius = 150 * d + Math.max(0, list.length - 12) * 6;
      list.forEach((a, i) => {
        const angle = (2 * Math.PI * i) / list.length + d * 0.4;
        positions[a.id] = { x: Math.round(cx + radius * Math.cos(angle)), y: Math.round(cy + radius * Math.sin(angle)) };
      });
    }
    close();
    await dispatch(editor, 'addToMap', {
      actors: fresh.map((a) => actorFromCreate(a.id, { ...a })),
      positions,
      summary: `Expand ${centre?.name ?? 'actor'}: ${fresh.length} connected actor${fresh.length === 1 ? '' : 's'}`,
    });
  };

  const toggle = (t: RelationshipType) => {
    const next = new Set(types);
    if (next.has(t)) next.delete(t);
    else next.add(t);
    setTypes(next);
  };

  return (
    <Modal title={`Expand ${centre?.name ?? 'neighbourhood'}`} onClose={close}>
      <div className="expand-form">
        <fieldset className="field">
          <legend>Depth</legend>
          <div className="segmented small" role="radiogroup" aria-label="Depth">
            {[1, 2, 3].map((d) => (
              <button
                key={d}
                type="button"
                role="radio"
                aria-checked={depth === d}
                className={depth === d ? 'seg seg-on' : 'seg'}
                onClick={() => setDepth(d)}
              >
                {d === 1 ? 'Direct ties' : `${d} steps`}
              </button>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor="expand-direction">Direction</label>
          <select id="expand-direction" value={direction} onChange={(e) => setDirection(e.target.value as Direction)}>
            <option value="both">Both ways</option>
            <option value="out">Ties from {centre?.name ?? 'this actor'}</option>
            <option value="in">Ties to {centre?.name ?? 'this actor'}</option>
          </select>
        </div>
        <fieldset className="field">
          <legend>Through ties of type</legend>
          <div className="type-checks">
            {relationshipTypes.map((t) => (
              <label key={t} className="inline chip-check">
                <input type="checkbox" checked={types.has(t)} onChange={() => toggle(t)} /> {typeLabels[t]}
              </label>
            ))}
          </div>
          <div className="btn-row">
            <button type="button" className="btn btn-small" onClick={() => setTypes(new Set(relationshipTypes))} disabled={all}>
              All types
            </button>
            <button type="button" className="btn btn-small" onClick={() => setTypes(new Set())} disabled={!types.size}>
              None
            </button>
          </div>
        </fieldset>
        <div className="expand-preview" aria-live="polite">
          {!types.size ? (
            <p className="muted">Choose at least one type of tie.</p>
          ) : error ? (
            <div className="alert alert-error">
              Could not look around {centre?.name}: {error}
            </div>
          ) : busy && !answer ? (
            <p className="muted">Looking…</p>
          ) : answer ? (
            <>
              <p>
                <strong>{fresh.length}</strong> new actor{fresh.length === 1 ? '' : 's'} of {Math.max(0, answer.actors.length - 1)} within{' '}
                {depth === 1 ? 'one step' : `${depth} steps`}
                {busy && <span className="muted"> (updating…)</span>}
              </p>
              {answer.truncated && (
                <p className="muted small">
                  Only the first {answer.actors.length} of {answer.total} are listed; narrow the types or the depth.
                </p>
              )}
              {fresh.length > 0 && (
                <p className="small expand-names">
                  {fresh
                    .slice(0, 14)
                    .map((a) => a.name)
                    .join(', ')}
                  {fresh.length > 14 ? ` and ${fresh.length - 14} more` : ''}
                </p>
              )}
              {fresh.length === 0 && <p className="muted small">Everyone connected this way is already on the map.</p>}
            </>
          ) : null}
        </div>
        <div className="form-actions">
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={!fresh.length || busy || !editor.me.canEdit}
            onClick={() => void add()}
          >
            Add {fresh.length || ''} to the map
          </button>
        </div>
      </div>
    </Modal>
  );
}
