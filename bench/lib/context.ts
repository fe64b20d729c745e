import type { Driver } from 'neo4j-driver';
import type { Fixture } from './fixtures.js';
import type { ServerProcess } from './procs.js';

export interface BenchContext {
  quick: boolean;
  /** The bench's own Neo4j (never the developer's or the tests'). */
  neo4jUri: string;
  driver: Driver;
  /** power-1k and power-10k always; power-100k (and power-littlesis) in full runs; congress-114 when legis-graph is there. */
  fixtures: Record<string, Fixture>;
  /** The real app in its own process, shared by every suite, so its memory tells a story. */
  api: ServerProcess;
  fixturesDir: string;
  log(line: string): void;
}

export interface Table {
  caption: string;
  columns: string[];
  rows: Array<Array<string | number | null>>;
}

export interface Goal {
  what: string;
  goal: string;
  value: number | null;
  /** null when it could not be measured (the route does not exist yet, a tool is missing). */
  met: boolean | null;
  note?: string;
}

export interface SuiteOutcome {
  datasets: Record<string, { actors?: number; relationships?: number; elements?: number; rows?: number }>;
  tables: Table[];
  goals: Goal[];
  unavailable: string[];
  notes: string[];
  raw: unknown;
}

export interface Suite {
  name: string;
  title: string;
  run(ctx: BenchContext): Promise<SuiteOutcome>;
}

export const emptyOutcome = (): SuiteOutcome => ({ datasets: {}, tables: [], goals: [], unavailable: [], notes: [], raw: {} });

/** "not available yet" when the route is missing (404 from the router), else the problem's detail. */
export function unavailableReason(status: number, body: string): string {
  if (status === 404 && /There is no (GET|POST)/.test(body)) return 'not available yet (the route does not exist)';
  try {
    const problem = JSON.parse(body) as { detail?: string };
    return `answered ${status}: ${problem.detail ?? body.slice(0, 200)}`;
  } catch {
    return `answered ${status}: ${body.slice(0, 200)}`;
  }
}
