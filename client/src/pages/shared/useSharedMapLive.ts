import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { endpoints } from '../../api/endpoints';
import { initialLive, type LiveStatus } from '../../api/live-status';
import { accessOf, followStream } from '../../api/live-stream';
import { keys } from '../../api/queries';

/**
 * Follows the partner stream of a map shared with this workspace: each `change` (which says
 * only that something the partner sees changed) fetches the shared map again, so the owner's
 * edit shows up without reloading. Ends when the share is revoked or the reader is removed.
 */
export function useSharedMapLive(ws: string, shareId: string): LiveStatus {
  const client = useQueryClient();
  const [status, setStatus] = useState(initialLive);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const refetch = () => void client.invalidateQueries({ queryKey: keys.sharedMap(ws, shareId) });
    return followStream({
      url: () => endpoints.sharedMapEventsUrl(ws, shareId),
      check: () => accessOf(endpoints.sharedMap(ws, shareId), 'revoked'),
      onEvent: refetch,
      // Nothing is replayed after a gap: what changed meanwhile is fetched instead.
      onReopen: refetch,
      onStatus: setStatus,
    });
  }, [client, ws, shareId]);
  return status;
}
