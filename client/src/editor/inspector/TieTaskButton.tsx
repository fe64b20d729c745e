import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { endpoints } from '../../api/endpoints';
import { errorText } from '../../api/queries';

/** Turns an uncited tie into a research task ("Find a source for …") in one click. */
export function TieTaskButton({ ws, relationshipId }: { ws: string; relationshipId: string }) {
  const client = useQueryClient();
  const [state, setState] = useState<{ kind: 'idle' | 'busy' | 'done' } | { kind: 'failed'; message: string }>({ kind: 'idle' });
  const make = async () => {
    setState({ kind: 'busy' });
    try {
      await endpoints.taskFromTie(ws, relationshipId);
      setState({ kind: 'done' });
      await client.invalidateQueries({ queryKey: ['ws', ws, 'tasks'] });
    } catch (error) {
      setState({ kind: 'failed', message: errorText(error) });
    }
  };
  if (state.kind === 'done')
    return (
      <p className="small" role="status">
        Task added: see the workspace's Tasks tab.
      </p>
    );
  return (
    <>
      <button type="button" className="btn btn-small" disabled={state.kind === 'busy'} onClick={() => void make()}>
        Make a task
      </button>
      {state.kind === 'failed' && (
        <p className="field-error" role="alert">
          {state.message}
        </p>
      )}
    </>
  );
}
