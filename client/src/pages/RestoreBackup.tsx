import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { post } from '../api/http';
import { errorText, keys } from '../api/queries';
import { navigate, paths } from '../router';

/** The server refuses larger bodies (server/routes/restore.ts); saying so here saves the upload. */
const MAX_BYTES = 64 * 1024 * 1024;

/** "Restore a backup": a backup file (Export → Backup) becomes a new workspace of one's own. */
export function RestoreBackup() {
  const input = useRef<HTMLInputElement>(null);
  const client = useQueryClient();
  const [state, setState] = useState<{ busy: boolean; problem: string | null }>({ busy: false, problem: null });

  const restore = async (file: File) => {
    if (file.size > MAX_BYTES)
      return setState({
        busy: false,
        problem: `This file is ${Math.round(file.size / 1024 / 1024)} MB; a restore takes at most 64 MB. Use Import with the backup format for larger ones.`,
      });
    setState({ busy: true, problem: null });
    let backup: unknown;
    try {
      backup = JSON.parse(await file.text());
    } catch {
      return setState({ busy: false, problem: `${file.name} is not JSON: choose the file that Export → Backup saved.` });
    }
    try {
      const result = await post<{ workspaceId: string }>('/api/workspaces/restore', backup);
      await client.invalidateQueries({ queryKey: keys.workspaces });
      navigate(paths.workspace(result.workspaceId));
    } catch (error) {
      setState({ busy: false, problem: errorText(error) });
    }
  };

  return (
    <>
      <button
        type="button"
        className="btn"
        disabled={state.busy}
        onClick={() => input.current?.click()}
        title="Make a new workspace from a backup file"
      >
        {state.busy ? 'Restoring…' : 'Restore a backup'}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label="Backup file to restore"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void restore(file);
        }}
      />
      {state.problem && (
        <div className="alert alert-error" role="alert">
          {state.problem}
        </div>
      )}
    </>
  );
}
