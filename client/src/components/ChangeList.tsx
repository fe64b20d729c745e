import type { Change } from '../api/domain';

const when = (iso: string) => {
  const d = new Date(iso);
  return `${d.toLocaleDateString()} ${d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`;
};

/** The audit trail: who changed what and when, each change revertable. */
export function ChangeList({ changes, onRevert }: { changes: Change[]; onRevert?: ((id: string) => void) | undefined }) {
  return (
    <ol className="change-list">
      {changes.map((c) => (
        <li key={c.id} className={c.revertedBy ? 'change reverted' : 'change'}>
          <div className="change-main">
            <span className="change-summary">{c.summary || c.action}</span>
            <span className="muted">
              {c.userName ?? 'someone'} · {when(c.at)}
              {c.revertedBy ? ' · reverted' : ''}
            </span>
          </div>
          {onRevert && !c.revertedBy && !c.revertOf && (
            <button className="btn btn-small" onClick={() => onRevert(c.id)} aria-label={`Revert: ${c.summary}`}>
              Revert
            </button>
          )}
        </li>
      ))}
    </ol>
  );
}
