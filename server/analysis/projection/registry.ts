import type { Gateway, Tx } from '../../db/gateway.js';
import type { Change } from '../../domain/change.js';
import { changeSeq, changesRepo } from '../../repos/changes.js';
import type { Csr } from '../csr.js';
import { CsrStore, type ScopeGraphs } from './csr-store.js';
import type { ProjectionGraph } from './graph.js';
import { applyChange, loadProjection } from './load.js';

/** Changes read per statement while catching up. */
const CATCH_UP_BATCH = 200;
/** Behind by more changes than this, a fresh load is cheaper than replaying them. */
const MAX_REPLAY = 5_000;

export interface ProjectionOptions {
  /** Evict least recently used workspaces above this many bytes in all (default 512 MB). */
  maxBytes?: number;
  /** Evict a workspace nobody asked about for this long (default 15 minutes). */
  idleMs?: number;
}

interface Entry {
  graph: ProjectionGraph;
  usedAt: number;
  bytes: number;
  /** The sync in progress: questions on one workspace wait for one catch-up, not one each. */
  syncing: Promise<ProjectionGraph> | null;
}

export interface ProjectionFigures {
  workspaces: number;
  bytes: number;
  loads: number;
  replayed: number;
  /** Scope graphs (CSR) built for the whole-scope measures since the start. */
  csrBuilds: number;
}

/**
 * The analysis projections of this process, one per workspace asked about.
 *
 * Fresh before every answer: one read gives the workspace's change sequence and, when it
 * moved, the changes since the projection's own sequence, which are applied as diffs. The
 * change log lives in the database, so an edit made through any API instance reaches every
 * instance's projection before its next answer; instances keep no state the others need.
 * A sequence number with no change behind it (a write straight into the database, or one
 * that recorded nothing) cannot be replayed, so the workspace is loaded afresh.
 *
 * Memory is bounded: past `maxBytes` the least recently used workspaces go, and one idle
 * for `idleMs` goes at the next question; a later question loads it again.
 */
export class Projections {
  private readonly entries = new Map<string, Entry>();
  private readonly maxBytes: number;
  private readonly idleMs: number;
  private loads = 0;
  private replayed = 0;
  /** The scope graph of each workspace's last whole-scope measure, dropped with its projection. */
  readonly csrs = new CsrStore();

  constructor(
    private readonly db: Gateway,
    options: ProjectionOptions = {},
  ) {
    this.maxBytes = options.maxBytes ?? 512 * 1024 * 1024;
    this.idleMs = options.idleMs ?? 15 * 60_000;
  }

  /** The workspace's graph as of its latest committed change. */
  async get(ws: string): Promise<ProjectionGraph> {
    const entry = this.entries.get(ws);
    if (entry?.syncing) return entry.syncing;
    const now = Date.now();
    this.evictIdle(now);
    if (!entry) {
      const loading = this.load(ws);
      const placeholder: Entry = { graph: null as never, usedAt: now, bytes: 0, syncing: loading };
      this.entries.set(ws, placeholder);
      try {
        placeholder.graph = await loading;
      } catch (error) {
        this.forget(ws);
        throw error;
      } finally {
        placeholder.syncing = null;
      }
      this.account(ws, placeholder);
      return placeholder.graph;
    }
    entry.usedAt = now;
    this.entries.delete(ws);
    this.entries.set(ws, entry);
    entry.syncing = this.catchUp(ws, entry.graph);
    try {
      entry.graph = await entry.syncing;
    } finally {
      entry.syncing = null;
    }
    this.account(ws, entry);
    return entry.graph;
  }

  /** Forgets a workspace (deleted, or for tests). */
  drop(ws: string): void {
    this.forget(ws);
  }

  figures(): ProjectionFigures {
    let bytes = 0;
    for (const e of this.entries.values()) bytes += e.bytes;
    return { workspaces: this.entries.size, bytes, loads: this.loads, replayed: this.replayed, csrBuilds: this.csrs.builds };
  }

  /** Scope graphs kept beside the projections: only for a workspace whose projection is held. */
  readonly scopeGraphs: ScopeGraphs = {
    get: (ws, key) => this.csrs.get(ws, key),
    keep: (ws: string, key: string, csr: Csr) => {
      const entry = this.entries.get(ws);
      if (!entry?.graph) return;
      this.csrs.keep(ws, key, csr);
      this.account(ws, entry);
    },
  };

  private forget(ws: string) {
    this.entries.delete(ws);
    this.csrs.drop(ws);
  }

  private async load(ws: string): Promise<ProjectionGraph> {
    this.loads++;
    const graph = await this.db.read((tx) => loadProjection(tx, ws), 'analysis.projection.load');
    // Changes committed while the load ran are applied on top.
    return this.catchUp(ws, graph);
  }

  private async catchUp(ws: string, graph: ProjectionGraph): Promise<ProjectionGraph> {
    const behind = await this.db.read((tx) => changesAfter(tx, ws, graph.seq), 'analysis.projection.sync');
    if (behind === 'reload') return this.load(ws);
    for (const change of behind.changes) applyChange(graph, change);
    this.replayed += behind.changes.length;
    if (behind.head > graph.seq) graph.seq = behind.head;
    graph.compactIfDue();
    return graph;
  }

  private account(ws: string, entry: Entry) {
    entry.bytes = entry.graph.bytes() + this.csrs.bytes(ws);
    let total = 0;
    for (const e of this.entries.values()) total += e.bytes;
    for (const [key, e] of this.entries) {
      if (total <= this.maxBytes) break;
      if (key === ws || e.syncing) continue;
      this.forget(key);
      total -= e.bytes;
    }
  }

  private evictIdle(now: number) {
    for (const [key, e] of this.entries) {
      if (now - e.usedAt > this.idleMs && !e.syncing) this.forget(key);
    }
  }
}

/**
 * The changes after `seq` up to the workspace's head, all their diffs included; 'reload'
 * when a change number has no change behind it or there are too many to replay.
 */
async function changesAfter(tx: Tx, ws: string, seq: number): Promise<{ head: number; changes: Change[] } | 'reload'> {
  const head = await changeSeq(tx, ws);
  if (head <= seq) return { head: seq, changes: [] };
  if (head - seq > MAX_REPLAY) return 'reload';
  const changes: Change[] = [];
  let at = seq;
  while (at < head) {
    const batch = await changesRepo.list(tx, ws, { after: at, limit: CATCH_UP_BATCH });
    for (const c of batch) {
      if (c.seq > head) break;
      if (c.seq !== at + 1) return 'reload';
      changes.push(c.diffs.length < c.diffCount ? ((await changesRepo.load(tx, ws, c.id)) ?? c) : c);
      at = c.seq;
    }
    if (batch.length < CATCH_UP_BATCH) break;
  }
  return at === head ? { head, changes } : 'reload';
}

const byGateway = new WeakMap<Gateway, Projections>();

/**
 * The projections kept for one database connection (one per app): found from the gateway
 * every question already has, so callers pass nothing new, and gone with it.
 */
export function projectionsFor(db: Gateway, options?: ProjectionOptions): Projections {
  let p = byGateway.get(db);
  if (!p) {
    p = new Projections(db, options);
    byGateway.set(db, p);
  }
  return p;
}
