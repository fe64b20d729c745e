import { describe, expect, it } from 'vitest';
import { endReason, initialLive, liveDescription, liveLabels, nextLive, retryDelay, type LiveEvent, type LiveStatus } from './live-status';

const run = (events: LiveEvent[], from: LiveStatus = initialLive()) => events.reduce(nextLive, from);

describe('the live connection status', () => {
  it('starts connecting, or offline when the browser has no network', () => {
    expect(initialLive().state).toBe('connecting');
    expect(initialLive(false).state).toBe('offline');
  });

  it('is live once the stream opens', () => {
    expect(run([{ type: 'opened' }])).toEqual({ state: 'live', attempts: 0 });
  });

  it('says it is reconnecting when the connection drops, and live again when it is back', () => {
    const dropped = run([{ type: 'opened' }, { type: 'dropped' }]);
    expect(dropped.state).toBe('reconnecting');
    expect(run([{ type: 'opened' }], dropped)).toEqual({ state: 'live', attempts: 0 });
  });

  it('counts failed tries in a row, so each waits longer, up to 30 s', () => {
    const status = run([{ type: 'dropped' }, { type: 'refused' }, { type: 'checked', access: 'unknown' }, { type: 'refused' }]);
    expect(status).toEqual({ state: 'reconnecting', attempts: 3 });
    expect([1, 2, 3, 4].map(retryDelay)).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelay(50)).toBe(30_000);
    expect(retryDelay(0)).toBe(1000);
  });

  it('ends when a refused stream is re-checked and access is gone', () => {
    const status = run([{ type: 'opened' }, { type: 'refused' }, { type: 'checked', access: 'gone', reason: 'revoked' }]);
    expect(status).toMatchObject({ state: 'ended', reason: 'revoked' });
    expect(liveDescription(status)).toBe('This map is no longer shared with you.');
  });

  it('keeps reconnecting when a re-check finds access still there', () => {
    expect(run([{ type: 'opened' }, { type: 'refused' }, { type: 'checked', access: 'there' }]).state).toBe('reconnecting');
  });

  it('ends when the server says so, and stays ended whatever follows', () => {
    const ended = run([{ type: 'opened' }, { type: 'ended', reason: 'removed' }]);
    expect(ended).toMatchObject({ state: 'ended', reason: 'removed' });
    const after = run(
      [{ type: 'opened' }, { type: 'dropped' }, { type: 'offline' }, { type: 'online' }, { type: 'checked', access: 'there' }],
      ended,
    );
    expect(after).toBe(ended);
  });

  it('is offline while the browser is, failures meanwhile included, and reconnects at once when back', () => {
    const offline = run([
      { type: 'opened' },
      { type: 'offline' },
      { type: 'dropped' },
      { type: 'refused' },
      { type: 'checked', access: 'unknown' },
    ]);
    expect(offline.state).toBe('offline');
    expect(run([{ type: 'online' }], offline)).toEqual({ state: 'reconnecting', attempts: 0 });
    // A stream that opens while the browser still claims to be offline is live all the same.
    expect(run([{ type: 'opened' }], offline).state).toBe('live');
  });

  it('ignores coming online when it never was offline', () => {
    const live = run([{ type: 'opened' }]);
    expect(nextLive(live, { type: 'online' })).toBe(live);
  });

  it('names every state in words', () => {
    expect(liveLabels).toEqual({
      connecting: 'Connecting…',
      live: 'Live',
      reconnecting: 'Reconnecting…',
      offline: 'Offline',
      ended: 'Not live',
    });
  });

  it('reads the end reasons the server sends, and takes any other word as gone', () => {
    expect(['revoked', 'removed', 'deleted', 'nonsense', undefined].map(endReason)).toEqual([
      'revoked',
      'removed',
      'deleted',
      'gone',
      'gone',
    ]);
  });
});
