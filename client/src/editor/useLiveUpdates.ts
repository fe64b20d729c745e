import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { Change } from '../api/domain';
import { endpoints } from '../api/endpoints';
import { initialLive, type LiveStatus } from '../api/live-status';
import { accessOf, followStream } from '../api/live-stream';
import { keys } from '../api/queries';

export interface LiveOptions {
  /** Hears the changes made by someone else. */
  onRemote?: (change: Change) => void;
  /**
   * A query whose data an editor already holds, and a test of whether the editor shows a
   * change: while every change of a burst is shown (the echo of its own saves) that query is
   * not fetched again; the rest of the workspace's cache is still refreshed.
   */
  held?: { key: QueryKey; reflects: (change: Change) => Promise<boolean> };
}

const sameKey = (a: QueryKey, b: QueryKey) => a.length === b.length && a.every((part, i) => part === b[i]);

/**
 * Follows the workspace's change stream (server-sent events, which resume from the last
 * seen seq on reconnect) and refreshes what is cached, so a colleague's edit shows up
 * without reloading. Answers where the stream stands, for a LiveStatus to show.
 */
export function useLiveUpdates(ws: string, myId: string | null, options: LiveOptions = {}): LiveStatus {
  const client = useQueryClient();
  const latest = useRef(options);
  latest.current = options;
  const [status, setStatus] = useState(initialLive);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let burst: Promise<boolean>[] = [];
    const refresh = async () => {
      const checks = burst;
      burst = [];
      const held = latest.current.held;
      const shown = held ? (await Promise.all(checks)).every(Boolean) : false;
      await client.invalidateQueries({
        queryKey: keys.workspace(ws),
        ...(shown && held ? { predicate: (q) => !sameKey(q.queryKey, held.key) } : {}),
      });
    };
    const onChange = (event: MessageEvent<string>) => {
      let change: Change;
      try {
        change = JSON.parse(event.data) as Change;
      } catch {
        return;
      }
      if (change.userId !== myId) latest.current.onRemote?.(change);
      const held = latest.current.held;
      burst.push(held ? held.reflects(change).catch(() => false) : Promise.resolve(false));
      // Many changes in a burst become one refresh.
      clearTimeout(timer);
      timer = setTimeout(() => void refresh(), 120);
    };
    const stop = followStream({
      // A stream opened again resumes after the last change seen.
      url: (after) => `${endpoints.eventsUrl(ws)}${after ? `?after=${encodeURIComponent(after)}` : ''}`,
      check: () => accessOf(endpoints.workspace(ws), 'removed'),
      onEvent: (_name, event) => onChange(event),
      onStatus: setStatus,
    });
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [ws, myId, client]);
  return status;
}
