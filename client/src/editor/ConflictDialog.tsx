import type { Dialog } from './store';
import { useEditor } from './context';
import { Modal } from './Modal';
import { useQueryClient } from '@tanstack/react-query';

type ConflictDialogState = Extract<Dialog, { kind: 'conflict' }>;

const show = (v: unknown) =>
  v === null || v === undefined || v === ''
    ? '—'
    : Array.isArray(v)
      ? v.join(', ') || '—'
      : typeof v === 'object'
        ? JSON.stringify(v)
        : String(v);

/**
 * Someone else saved this record since we loaded it. Both versions side by side; the user
 * keeps theirs (saved again over the current version) or takes the other. Nothing is lost
 * silently: the other version stays in the history either way.
 */
export function ConflictDialog({ dialog }: { dialog: ConflictDialogState }) {
  const editor = useEditor();
  const client = useQueryClient();
  const keys = Object.keys(dialog.mine).filter((k) => k !== 'version');
  const close = () => editor.store.set({ dialog: null });
  const keepMine = async () => {
    close();
    const version = Number(dialog.theirs.version);
    // Adopt their version number (only), then save our values over it as a new step.
    const doc = editor.doc;
    if (dialog.entity === 'actor' && doc.actors[dialog.id])
      editor.receive({
        ...doc,
        actors: { ...doc.actors, [dialog.id]: { ...doc.actors[dialog.id]!, ...(dialog.theirs as object), version } },
      });
    if (dialog.entity === 'relationship' && doc.relationships[dialog.id])
      editor.receive({
        ...doc,
        relationships: {
          ...doc.relationships,
          [dialog.id]: { ...doc.relationships[dialog.id]!, ...(dialog.theirs as object), version } as never,
        },
      });
    if (dialog.entity === 'map') editor.receive({ ...doc, mapVersion: version });
    await editor.commit(dialog.step);
  };
  const takeTheirs = () => {
    close();
    void client.invalidateQueries();
    editor.say('info', 'Kept the other version; your change was not applied.');
  };
  return (
    <Modal title="Someone else changed this first" onClose={takeTheirs} wide>
      <p>While you were editing, another member saved a different version. Choose which to keep.</p>
      <table className="conflict-table">
        <thead>
          <tr>
            <th>Field</th>
            <th>Your version</th>
            <th>Saved by them</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k} className={show(dialog.mine[k]) !== show(dialog.theirs[k]) ? 'differs' : ''}>
              <th scope="row">{k}</th>
              <td>{show(dialog.mine[k])}</td>
              <td>{show(dialog.theirs[k])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-actions">
        <button className="btn btn-primary" onClick={() => void keepMine()}>
          Keep my version
        </button>
        <button className="btn" onClick={takeTheirs}>
          Keep theirs
        </button>
      </div>
    </Modal>
  );
}
