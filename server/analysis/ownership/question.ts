import type { Gateway } from '../../db/gateway.js';
import type {
  AnomaliesAnswer,
  AnomaliesQuery,
  OwnershipAnswer,
  OwnershipQuery,
  PensionAnswer,
  PensionQuery,
} from '../../domain/ownership.js';
import {
  ownershipActors,
  parentsByIds,
  stakesByIds,
  trusteesOf,
  workspaceStakes,
  type OwnershipActorRow,
  type ParentRow,
  type StakeRow,
} from '../../repos/ownership.js';
import type { WorkerPool } from '../../workers/pool.js';
import { isPensionFund } from '../../domain/ownership.js';
import { assertFound } from '../actors.js';
import { typeCode } from '../projection/graph.js';
import { projectionsFor } from '../projection/registry.js';
import { ownershipAnomalies } from './anomalies.js';
import { ownershipAnswer } from './answer.js';
import { pensionFunds } from './pension.js';

/** An abuse guard: the ownership above one company is read up to this many ties. */
export const MAX_CLOSURE_STAKES = 20_000;
/** Up to this many ties the arithmetic costs less than handing it to a worker thread. */
export const IN_THREAD_STAKES = 2_000;
/** The anomalies list reads at most this many ownership ties. */
export const MAX_WORKSPACE_STAKES = 100_000;

interface Closure {
  target: OwnershipActorRow;
  stakes: StakeRow[];
  parents: ParentRow[];
  actors: OwnershipActorRow[];
  truncated: boolean;
}

/**
 * The target's upstream closure: which OWNERSHIP ties lie above it comes from the
 * workspace's in-memory projection (fresh before every answer, a walk of microseconds), and
 * their stated figures from the store in one read by id. The ownership above one company is
 * small even in a huge workspace, so this reads tens of ties, not the graph.
 */
async function readClosure(db: Gateway, ws: string, targetId: string): Promise<Closure> {
  const g = await projectionsFor(db).get(ws);
  const start = g.liveSlot(targetId);
  if (start === undefined) assertFound([targetId], 'querystring.target');
  const ownership = typeCode.get('OWNERSHIP')!;
  const hierarchy = typeCode.get('HIERARCHY')!;
  const tieIds: string[] = [];
  const parentIds: string[] = [];
  const seen = new Set([start!]);
  const queue = [start!];
  let truncated = false;
  while (queue.length && !truncated) {
    const v = queue.pop()!;
    g.forEachTie(v, (e, u) => {
      const type = g.type[e];
      if ((type !== ownership && type !== hierarchy) || g.to[e] !== v || g.from[e] !== u || !g.isAlive(u) || truncated) return;
      if (tieIds.length + parentIds.length >= MAX_CLOSURE_STAKES) {
        truncated = true;
        return;
      }
      (type === ownership ? tieIds : parentIds).push(g.edgeIds[e]!);
      if (!seen.has(u)) {
        seen.add(u);
        queue.push(u);
      }
    });
  }
  return db.read(async (tx) => {
    const [target] = await ownershipActors(tx, ws, [targetId]);
    if (!target) assertFound([targetId], 'querystring.target');
    const rows = tieIds.length ? await stakesByIds(tx, ws, tieIds) : [];
    const parentRows = parentIds.length ? await parentsByIds(tx, ws, parentIds) : [];
    const actors = new Map<string, OwnershipActorRow>();
    for (const r of [...rows, ...parentRows]) actors.set(r.holder.id, r.holder);
    return {
      target: target!,
      stakes: rows.map((r) => r.stake),
      parents: parentRows.map((r) => r.tie),
      actors: [...actors.values()],
      truncated,
    };
  }, 'analysis.ownership.closure');
}

/** Who ultimately owns and controls a target, each share explained (analysis/ownership/answer.ts). */
export async function ownership(db: Gateway, pool: WorkerPool, ws: string, q: OwnershipQuery): Promise<OwnershipAnswer> {
  const input = { ...(await readClosure(db, ws, q.target)), query: q };
  return input.stakes.length > IN_THREAD_STAKES ? pool.run('ownership', input) : ownershipAnswer(input);
}

/** Pension funds exposed to a target, directly or as limited partners, with their trustees. */
export async function pensionExposure(db: Gateway, pool: WorkerPool, ws: string, q: PensionQuery): Promise<PensionAnswer> {
  const closure = await readClosure(db, ws, q.target);
  const funds = closure.actors.filter((a) => isPensionFund(a.kind, a.tags)).map((a) => a.id);
  const trustees = funds.length ? await db.read((tx) => trusteesOf(tx, ws, funds), 'analysis.ownership.trustees') : [];
  return closure.stakes.length > IN_THREAD_STAKES ? pool.run('pension', { input: closure, trustees }) : pensionFunds(closure, trustees);
}

/** Circles, overfull companies, declared totals that disagree, duplicate holders, stale stakes. */
export async function anomalies(db: Gateway, pool: WorkerPool, ws: string, q: AnomaliesQuery): Promise<AnomaliesAnswer> {
  const rows = await db.read((tx) => workspaceStakes(tx, ws, MAX_WORKSPACE_STAKES + 1), 'analysis.ownership.anomalies');
  const complete = rows.length <= MAX_WORKSPACE_STAKES;
  const input = {
    stakes: rows.slice(0, MAX_WORKSPACE_STAKES).map((r) => ({ ...r.stake, holderName: r.holderName, companyName: r.companyName })),
    staleMonths: q.staleMonths,
    today: new Date().toISOString().slice(0, 10),
  };
  const found = input.stakes.length > IN_THREAD_STAKES ? await pool.run('ownershipAnomalies', input) : ownershipAnomalies(input);
  return {
    anomalies: found,
    staleMonths: q.staleMonths,
    complete,
    note: complete
      ? `${found.length} to look at among ${input.stakes.length} ownership ties.`
      : `Only the first ${MAX_WORKSPACE_STAKES} ownership ties were read.`,
  };
}
