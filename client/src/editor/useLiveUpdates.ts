import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { Change } from '../api/domain';
import { endpoints } from '../api/endpoints';
import { invalidateWorkspace } from '../api/queries';

/**
 * Follows the workspace's change stream (server-sent events, which resume from the last
 * seen seq on reconnect) and refreshes what is cached, so a colleague's edit shows up
 * without reloading. `onRemote` hears the changes made by someone else.
 */
export function useLiveUpdates(ws: string, myId: string | null, onRemote?: (change: Change) => void) {
  const client = useQueryClient();
  const remote = useRef(onRemote);
  remote.current = onRemote;
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const source = new EventSource(endpoints.eventsUrl(ws), { withCredentials: true });
    source.addEventListener('change', (event) => {
      let change: Change;
      try {
        change = JSON.parse((event as MessageEvent<string>).data) as Change;
      } catch {
        return;
      }
      if (change.userId !== myId) remote.current?.(change);
      // Many changes in a burst become one refresh.
      clearTimeout(timer);
      timer = setTimeout(() => void invalidateWorkspace(client, ws), 120);
    });
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [ws, myId, client]);
}
