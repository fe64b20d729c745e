import type { Notice } from '../useLiveForm';
import '../editor.css';

/** "Rosa changed the notes while you were typing — keep yours / take theirs", once per field. */
export function ClashNotices({
  clashes,
  labels,
  onKeep,
  onTake,
}: {
  clashes: Notice[];
  labels: Record<string, string>;
  onKeep: (field: string) => void;
  onTake: (field: string) => void;
}) {
  if (!clashes.length) return null;
  return (
    <div className="clash-notices">
      {clashes.map((c) => {
        const what = labels[c.field] ?? c.field;
        return (
          <div key={c.field} className="alert alert-warn clash" role="status">
            <p>
              {c.who ?? 'Someone'} changed {what} while you were typing.
            </p>
            <p className="muted small">
              Theirs: {Array.isArray(c.theirs) ? c.theirs.join(', ') || '(empty)' : String(c.theirs ?? '') || '(empty)'}
            </p>
            <div className="clash-actions">
              <button type="button" className="btn btn-small" onClick={() => onKeep(c.field)}>
                Keep yours
              </button>
              <button type="button" className="btn btn-small" onClick={() => onTake(c.field)}>
                Take theirs
              </button>
            </div>
          </div>
        );
      })}
    </div>
  );
}
