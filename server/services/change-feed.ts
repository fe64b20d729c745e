import type { Gateway } from '../db/gateway.js';
import type { Change } from '../domain/change.js';
import { changesRepo } from '../repos/changes.js';
import { workspacesRepo } from '../repos/workspaces.js';

/** Why the feed ended a stream. */
export type EndReason = 'removed' | 'deleted';

export interface Subscriber {
  /** The account watching: the feed stops sending the moment it is no longer a member. */
  userId: string;
  fromSeq: number;
  onChange(change: Change): void;
  onEnd(reason: EndReason): void;
}

interface Watch {
  subscribers: Map<Subscriber, { seq: number }>;
  timer: NodeJS.Timeout;
  busy: boolean;
}

const BATCH = 200;
// A poll that cannot finish must not hold up every later poll of its workspace.
const READ_TIMEOUT = { timeoutMs: 10_000 };

/**
 * Live updates read from the change log in the database, not from this process's memory,
 * so every API instance behind a load balancer sees every instance's writes. One poll per
 * watched workspace, however many browsers watch it; the poll reads a single indexed
 * counter until something has changed.
 *
 * The same poll asks which watchers are still members, so someone removed on any instance
 * is cut off within one poll, and checks again just before a batch of changes goes out.
 * A deleted workspace ends every stream on it.
 */
export class ChangeFeed {
  private readonly watches = new Map<string, Watch>();

  constructor(
    private readonly db: Gateway,
    private readonly intervalMs = 500,
  ) {}

  subscribe(ws: string, subscriber: Subscriber): () => void {
    let watch = this.watches.get(ws);
    if (!watch) {
      const created: Watch = {
        subscribers: new Map(),
        busy: false,
        timer: setInterval(() => void this.poll(ws, created), this.intervalMs),
      };
      this.watches.set(ws, created);
      watch = created;
    }
    watch.subscribers.set(subscriber, { seq: subscriber.fromSeq });
    void this.poll(ws, watch);
    return () => this.drop(ws, watch, subscriber);
  }

  close() {
    for (const watch of this.watches.values()) clearInterval(watch.timer);
    this.watches.clear();
  }

  private drop(ws: string, watch: Watch, subscriber: Subscriber) {
    watch.subscribers.delete(subscriber);
    if (watch.subscribers.size === 0 && this.watches.get(ws) === watch) {
      clearInterval(watch.timer);
      this.watches.delete(ws);
    }
  }

  /**
   * Ends the streams of everyone asked about who is not in `members` (everyone, when the
   * workspace is gone). Someone who subscribed while the read was under way was not asked
   * about, so is left to the next poll: on a busy machine that read can take seconds.
   */
  private endOutsiders(ws: string, watch: Watch, asked: string[] | null, members: Set<string>, reason: EndReason) {
    for (const subscriber of [...watch.subscribers.keys()]) {
      if (members.has(subscriber.userId)) continue;
      if (asked && !asked.includes(subscriber.userId)) continue;
      this.drop(ws, watch, subscriber);
      subscriber.onEnd(reason);
    }
  }

  private userIds(watch: Watch) {
    return [...new Set([...watch.subscribers.keys()].map((s) => s.userId))];
  }

  private async poll(ws: string, watch: Watch) {
    if (watch.busy || watch.subscribers.size === 0) return;
    watch.busy = true;
    try {
      const asked = this.userIds(watch);
      const head = await this.db.read((tx) => workspacesRepo.feedHead(tx, ws, asked), 'feed.head', READ_TIMEOUT);
      if (!head || head.deleted) return this.endOutsiders(ws, watch, null, new Set(), 'deleted');
      this.endOutsiders(ws, watch, asked, new Set(head.members), 'removed');
      if (watch.subscribers.size === 0) return;
      const from = Math.min(...[...watch.subscribers.values()].map((l) => l.seq));
      if (head.seq <= from) return;
      // The changes and a fresh look at who may have them, in one read.
      const askedAgain = this.userIds(watch);
      const { changes, again } = await this.db.read(
        async (tx) => ({
          changes: await changesRepo.list(tx, ws, { after: from, limit: BATCH }),
          again: await workspacesRepo.feedHead(tx, ws, askedAgain),
        }),
        'feed.changes',
        READ_TIMEOUT,
      );
      if (!again || again.deleted) return this.endOutsiders(ws, watch, null, new Set(), 'deleted');
      this.endOutsiders(ws, watch, askedAgain, new Set(again.members), 'removed');
      for (const change of changes) {
        for (const [subscriber, state] of watch.subscribers) {
          if (change.seq > state.seq) {
            state.seq = change.seq;
            subscriber.onChange(change);
          }
        }
      }
      // Not every change number has a change (a write that changed nothing still took one):
      // once the batch reached the head, everyone is there, and idle polls stay one read.
      if (changes.length < BATCH) for (const state of watch.subscribers.values()) state.seq = Math.max(state.seq, head.seq);
    } catch {
      // The database is away; the next poll tries again and clients keep their position.
    } finally {
      watch.busy = false;
    }
  }
}
