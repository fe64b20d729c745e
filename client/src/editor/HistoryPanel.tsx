import { useQueryClient } from '@tanstack/react-query';
import { endpoints } from '../api/endpoints';
import { errorText, invalidateWorkspace, useHistory } from '../api/queries';
import { ChangeList } from '../components/ChangeList';
import { useEditor } from './context';

export function HistoryPanel({ ws }: { ws: string }) {
  const editor = useEditor();
  const history = useHistory(ws);
  const client = useQueryClient();
  const revert = async (id: string) => {
    try {
      await endpoints.revert(ws, id);
      await invalidateWorkspace(client, ws);
      editor.say('info', 'Reverted.');
    } catch (error) {
      editor.say('error', `Could not revert: ${errorText(error)}`);
    }
  };
  return (
    <div className="panel">
      <p className="muted small">
        Every change in this workspace, newest first. Undo (Ctrl Z) takes back your own steps; revert takes back any change.
      </p>
      {history.isError && <div className="alert alert-error">{errorText(history.error)}</div>}
      {history.data?.length === 0 && <p className="muted">No changes yet.</p>}
      {history.data && <ChangeList changes={history.data.slice(0, 50)} onRevert={editor.me.canEdit ? revert : undefined} />}
    </div>
  );
}
