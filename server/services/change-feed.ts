import type { Gateway } from '../db/gateway.js';
import type { Change } from '../domain/change.js';
import { listChanges } from './changes.js';

type Listener = (change: Change) => void;

interface Watch {
  listeners: Map<Listener, { seq: number }>;
  timer: NodeJS.Timeout;
  busy: boolean;
}

/**
 * Live updates read from the change log in the database, not from this process's memory,
 * so every API instance behind a load balancer sees every instance's writes. One poll per
 * watched workspace, however many browsers watch it; the poll reads a single indexed
 * counter until something has changed.
 */
export class ChangeFeed {
  private readonly watches = new Map<string, Watch>();

  constructor(
    private readonly db: Gateway,
    private readonly intervalMs = 500,
  ) {}

  subscribe(ws: string, fromSeq: number, listener: Listener): () => void {
    let watch = this.watches.get(ws);
    if (!watch) {
      const created: Watch = { listeners: new Map(), busy: false, timer: setInterval(() => void this.poll(ws, created), this.intervalMs) };
      this.watches.set(ws, created);
      watch = created;
    }
    watch.listeners.set(listener, { seq: fromSeq });
    void this.poll(ws, watch);
    return () => {
      watch.listeners.delete(listener);
      if (watch.listeners.size === 0) {
        clearInterval(watch.timer);
        this.watches.delete(ws);
      }
    };
  }

  close() {
    for (const watch of this.watches.values()) clearInterval(watch.timer);
    this.watches.clear();
  }

  private async poll(ws: string, watch: Watch) {
    if (watch.busy || watch.listeners.size === 0) return;
    watch.busy = true;
    try {
      const latest = await this.db.read((tx) => tx.one<{ seq: number }>('MATCH (w:Workspace {id: $ws}) RETURN coalesce(w.changeSeq, 0) AS seq', { ws }));
      const from = Math.min(...[...watch.listeners.values()].map((l) => l.seq));
      if (!latest || latest.seq <= from) return;
      const changes = await this.db.read((tx) => listChanges(tx, ws, { after: from, limit: 200 }));
      for (const change of changes) {
        for (const [listener, state] of watch.listeners) {
          if (change.seq > state.seq) {
            state.seq = change.seq;
            listener(change);
          }
        }
      }
    } catch {
      // The database is away; the next poll tries again and clients keep their position.
    } finally {
      watch.busy = false;
    }
  }
}
