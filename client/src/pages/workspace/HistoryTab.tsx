import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { endpoints } from '../../api/endpoints';
import { errorText, invalidateWorkspace, useHistory } from '../../api/queries';
import { ChangeList } from '../../components/ChangeList';

export function HistoryTab({ ws, canEdit }: { ws: string; canEdit: boolean }) {
  const history = useHistory(ws);
  const client = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const revert = async (id: string) => {
    setProblem(null);
    try {
      await endpoints.revert(ws, id);
      await invalidateWorkspace(client, ws);
    } catch (error) {
      setProblem(errorText(error));
    }
  };
  return (
    <div>
      {problem && (
        <div className="alert alert-error" role="alert">
          Could not revert: {problem}
        </div>
      )}
      {history.isPending && (
        <p className="page-status" aria-busy="true">
          Loading history…
        </p>
      )}
      {history.isError && (
        <div className="alert alert-error" role="alert">
          Could not load the history: {errorText(history.error)}
        </div>
      )}
      {history.isSuccess && history.data.length === 0 && (
        <div className="empty-state card">
          <h2>Nothing has changed yet</h2>
          <p className="muted">Every edit appears here with who made it, and can be reverted.</p>
        </div>
      )}
      {history.data && <ChangeList changes={history.data} onRevert={canEdit ? revert : undefined} />}
    </div>
  );
}
