import { ApiError } from './http';
import { endReason, initialLive, nextLive, retryDelay, type EndReason, type LiveEvent, type LiveStatus } from './live-status';

/** What a re-check of access found after the stream was refused. */
export type AccessCheck = 'there' | 'unknown' | { gone: EndReason };

export interface StreamOptions {
  /** The stream's address; `after` is the last event id seen, to resume from it. */
  url: (after: string | undefined) => string;
  /** Asks the API whether the reader still has access (the stream alone cannot say why it was refused). */
  check: () => Promise<AccessCheck>;
  onEvent: (name: 'change', event: MessageEvent<string>) => void;
  /** A connection opened again after one was lost: what happened meanwhile may not have been sent. */
  onReopen?: () => void;
  onStatus: (status: LiveStatus) => void;
}

/**
 * An API answer as an access check: refused (401/403/404) means gone, for `reason`;
 * no answer or a server failure tells nothing, so the stream is tried again.
 */
export async function accessOf(request: Promise<unknown>, reason: EndReason): Promise<AccessCheck> {
  try {
    await request;
    return 'there';
  } catch (error) {
    if (!(error instanceof ApiError)) return 'unknown';
    if (error.status === 401) return { gone: 'signed-out' };
    if (error.status === 403 || error.status === 404) return { gone: reason };
    return 'unknown';
  }
}

/**
 * Follows a server-sent event stream and reports where it stands. The browser's EventSource
 * reconnects by itself after a dropped connection; a refused one (an error answer, or a close
 * it does not retry) is re-checked through the API and, unless access is gone, opened again
 * after a growing pause. The server's `end` event ends it for good. Answers the stop.
 */
export function followStream(options: StreamOptions): () => void {
  let status = initialLive(navigator.onLine);
  let source: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let lastId: string | undefined;
  let wasOpen = false;

  const report = (event: LiveEvent) => {
    const next = nextLive(status, event);
    if (next === status) return;
    status = next;
    options.onStatus(status);
    if (status.state === 'ended') close();
  };
  const close = () => {
    clearTimeout(timer);
    source?.close();
    source = null;
  };

  const open = () => {
    if (stopped || status.state === 'ended' || source) return;
    const current = new EventSource(options.url(lastId), { withCredentials: true });
    source = current;
    current.addEventListener('open', () => {
      if (source !== current) return;
      if (wasOpen) options.onReopen?.();
      wasOpen = true;
      report({ type: 'opened' });
    });
    current.addEventListener('change', (event) => {
      if (source !== current) return;
      const message = event as MessageEvent<string>;
      if (message.lastEventId) lastId = message.lastEventId;
      options.onEvent('change', message);
    });
    current.addEventListener('end', (event) => {
      if (source !== current) return;
      let reason: unknown;
      try {
        reason = (JSON.parse((event as MessageEvent<string>).data) as { reason?: unknown }).reason;
      } catch {
        reason = undefined;
      }
      report({ type: 'ended', reason: endReason(reason) });
    });
    current.addEventListener('error', () => {
      if (source !== current) return;
      if (current.readyState !== EventSource.CLOSED) return report({ type: 'dropped' });
      current.close();
      source = null;
      report({ type: 'refused' });
      void recheck();
    });
  };

  const recheck = async () => {
    const found = await options.check().catch((): AccessCheck => 'unknown');
    if (stopped) return;
    if (typeof found === 'object') return report({ type: 'checked', access: 'gone', reason: found.gone });
    report({ type: 'checked', access: found });
    if (status.state === 'offline') return;
    clearTimeout(timer);
    timer = setTimeout(open, retryDelay(status.attempts));
  };

  const online = () => {
    report({ type: 'online' });
    if (!source) {
      clearTimeout(timer);
      open();
    }
  };
  const offline = () => report({ type: 'offline' });
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);

  options.onStatus(status);
  open();
  return () => {
    stopped = true;
    window.removeEventListener('online', online);
    window.removeEventListener('offline', offline);
    close();
  };
}
