/**
 * Where a live-update stream stands, as the person watching it should be told: a pure model
 * (no browser, no React) fed by what the stream and the browser report.
 *
 * - `connecting`: the first connection is being made.
 * - `live`: the stream is open; changes arrive as they are made.
 * - `reconnecting`: the connection dropped or was refused and is being made again.
 * - `offline`: the browser says it has no network; nothing is tried until it has.
 * - `ended`: the server closed the stream for good (access revoked, member removed,
 *   workspace deleted); reconnecting would be refused, so nothing is tried again.
 */
export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'offline' | 'ended';

/** Why a stream ended: what the server said, or what a re-check of access found. */
export type EndReason = 'revoked' | 'removed' | 'deleted' | 'signed-out' | 'gone';

export interface LiveStatus {
  state: LiveState;
  /** Connections tried in a row without one opening: paces the next try. */
  attempts: number;
  /** Set once the stream has ended. */
  reason?: EndReason;
}

export type LiveEvent =
  /** The stream answered and is open. */
  | { type: 'opened' }
  /** The connection dropped; the browser is trying again by itself. */
  | { type: 'dropped' }
  /** The stream was refused or closed and will not come back by itself: access is re-checked. */
  | { type: 'refused' }
  /** What the re-check found: `gone` when access is no longer there, with why. */
  | { type: 'checked'; access: 'there' | 'unknown' }
  | { type: 'checked'; access: 'gone'; reason: EndReason }
  /** The server said this is the end (its `end` event). */
  | { type: 'ended'; reason: EndReason }
  | { type: 'offline' }
  | { type: 'online' };

export const initialLive = (online = true): LiveStatus => ({ state: online ? 'connecting' : 'offline', attempts: 0 });

/** The next status. An ended stream stays ended whatever happens after. */
export function nextLive(status: LiveStatus, event: LiveEvent): LiveStatus {
  if (status.state === 'ended') return status;
  switch (event.type) {
    case 'opened':
      return { state: 'live', attempts: 0 };
    case 'dropped':
    case 'refused':
      // Offline, a failed connection is expected: the page keeps saying it is offline.
      if (status.state === 'offline') return { ...status, attempts: status.attempts + 1 };
      return { state: 'reconnecting', attempts: status.attempts + 1 };
    case 'checked':
      if (event.access === 'gone') return { state: 'ended', attempts: status.attempts, reason: event.reason };
      return status.state === 'offline' ? status : { state: 'reconnecting', attempts: status.attempts };
    case 'ended':
      return { state: 'ended', attempts: status.attempts, reason: event.reason };
    case 'offline':
      return { state: 'offline', attempts: status.attempts };
    case 'online':
      if (status.state !== 'offline') return status;
      // Back online: connect again at once, not after the pause earned while offline.
      return { state: 'reconnecting', attempts: 0 };
  }
}

/** What the status says, in a word or two. */
export const liveLabels: Record<LiveState, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
  ended: 'Not live',
};

/** A longer sentence for a tooltip. */
export function liveDescription(status: LiveStatus): string {
  switch (status.state) {
    case 'connecting':
      return 'Connecting to live updates.';
    case 'live':
      return 'Live: changes made by others appear as they are made.';
    case 'reconnecting':
      return 'The live connection dropped; reconnecting. Changes made meanwhile appear once it is back.';
    case 'offline':
      return 'You are offline: changes by others appear once you are back online.';
    case 'ended':
      return endedText(status.reason);
  }
}

export function endedText(reason: EndReason | undefined): string {
  switch (reason) {
    case 'revoked':
      return 'This map is no longer shared with you.';
    case 'removed':
      return 'You are no longer a member of this workspace.';
    case 'deleted':
      return 'This workspace was deleted.';
    case 'signed-out':
      return 'You are signed out: sign in again to see live changes.';
    default:
      return 'Live updates have stopped: this is no longer available to you.';
  }
}

/**
 * How long to wait before connecting again after `attempts` failed connections in a row:
 * 1 s, 2 s, 4 s… up to 30 s.
 */
export function retryDelay(attempts: number): number {
  return Math.min(30_000, 1_000 * 2 ** Math.max(0, attempts - 1));
}

/** An end reason as the server's `end` event names it; unknown words count as gone. */
export function endReason(word: unknown): EndReason {
  return word === 'revoked' || word === 'removed' || word === 'deleted' ? word : 'gone';
}
