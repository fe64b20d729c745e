/**
 * The tasks a worker thread runs, by name (WorkerPool.run('brokers', …)). Each is a pure
 * function of compact data; a Problem it throws (a validation error) is carried back as data.
 * Another feature adds its task here, and the pool stays the same.
 */
import { rankCompact } from '../analysis/brokers.js';
import { clustersOf } from '../analysis/communities.js';
import { runImportTask } from '../io/import/formats.js';
import { prepareKumuImport } from '../io/kumu-import.js';
import { ownershipAnomalies } from '../analysis/ownership/anomalies.js';
import { ownershipAnswer } from '../analysis/ownership/answer.js';
import { pensionFunds, type PensionInput } from '../analysis/ownership/pension.js';
import type { TrusteeRow } from '../repos/ownership.js';
import { carryProblems } from './carry.js';

export const tasks = {
  brokers: carryProblems(rankCompact),
  communities: carryProblems(clustersOf),
  kumuImport: carryProblems(prepareKumuImport),
  importFile: runImportTask,
  ownership: carryProblems(ownershipAnswer),
  ownershipAnomalies: carryProblems(ownershipAnomalies),
  pension: carryProblems(({ input, trustees }: { input: PensionInput; trustees: TrusteeRow[] }) => pensionFunds(input, trustees)),
};
export type Tasks = typeof tasks;

/**
 * What piscina calls. One entry point rather than piscina's named handlers: under tsx on
 * Node 20 a worker can load TypeScript through require() only, and piscina falls back to
 * an (unhooked) import() for a module without a default export.
 */
export default function run({ task, input }: { task: keyof Tasks; input: unknown }): unknown {
  return (tasks[task] as (input: unknown) => unknown)(input);
}
