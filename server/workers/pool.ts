import os from 'node:os';
import { Piscina } from 'piscina';
import { Abandoned, Unavailable } from '../domain/errors.js';
import { isCarriedProblem, uncarried, type CarriedProblem } from './carry.js';
import type { Tasks } from './tasks.js';

export type TaskName = keyof Tasks;
export type TaskInput<K extends TaskName> = Parameters<Tasks[K]>[0];
export type TaskOutput<K extends TaskName> = Exclude<Awaited<ReturnType<Tasks[K]>>, CarriedProblem>;

export interface PoolOptions {
  /** Worker threads; by default one fewer than the cores this process may use (at least one). */
  threads?: number;
  /** Tasks waiting for a thread before new ones are refused with 503. */
  maxQueue?: number;
  /** Where a thread that fails outside any task (it could not start) is reported. */
  onError?: (error: unknown) => void;
}

/** One core stays with the event loop, which answers everyone's cheap requests. */
export const defaultThreads = () => Math.max(1, os.availableParallelism() - 1);

// The server runs TypeScript through tsx; a worker is a fresh isolate and needs the loader too.
const taskFile = new URL(`./tasks${path(import.meta.url).endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url).href;
const loader = taskFile.endsWith('.ts') ? ['--import', import.meta.resolve('tsx')] : [];

function path(url: string) {
  return new URL(url).pathname;
}

/**
 * CPU-heavy work (graph measures, spreadsheet parsing) off the request thread, so one
 * caller's analysis never holds up another caller's simple GET. Tasks are the named exports
 * of tasks.ts (`tasks`); their inputs and outputs are compact (typed arrays, plain arrays of strings)
 * because copying between threads costs the event loop too. Worker threads run at a lower
 * scheduling priority than the event loop (niceIncrement), which matters on small machines
 * where the database shares the cores.
 */
export class WorkerPool {
  private readonly piscina: Piscina;
  private closed = false;
  private inFlight = 0;
  private abandoned = 0;

  constructor(options: PoolOptions = {}) {
    const threads = options.threads ?? defaultThreads();
    this.piscina = new Piscina({
      filename: taskFile,
      execArgv: loader,
      minThreads: 0,
      maxThreads: threads,
      maxQueue: options.maxQueue ?? threads * 32,
      // Threads start on first use and leave when idle: a quiet server holds no extra memory.
      idleTimeout: 60_000,
      concurrentTasksPerWorker: 1,
      niceIncrement: 10,
    });
    // Without a listener such an error would end the whole process.
    this.piscina.on('error', options.onError ?? (() => {}));
  }

  get threads(): number {
    return this.piscina.maxThreads;
  }

  /** Tasks waiting for a free thread right now. */
  get queued(): number {
    return this.piscina.queueSize;
  }

  /** Tasks stopped because their caller hung up (since the pool started). */
  get cancelled(): number {
    return this.abandoned;
  }

  /** Tasks handed to the pool and not yet answered (running or waiting for a thread). */
  get pending(): number {
    return this.inFlight;
  }

  /**
   * `signal`: when it aborts, a waiting task leaves the queue and a running one is stopped
   * (its thread is ended and replaced on the next task, which is cheaper than finishing work
   * nobody will read).
   */
  async run<K extends TaskName>(
    task: K,
    input: TaskInput<K>,
    transferList: Transferable[] = [],
    signal?: AbortSignal,
  ): Promise<TaskOutput<K>> {
    if (this.closed) throw new Unavailable('The server is shutting down; ask again in a moment.');
    let result: unknown;
    this.inFlight++;
    try {
      result = await this.piscina.run({ task, input }, { transferList: transferList as never, ...(signal ? { signal } : {}) });
    } catch (error) {
      if (signal?.aborted) {
        this.abandoned++;
        throw new Abandoned();
      }
      if ((error as Error).message === 'Task queue is at limit') {
        throw new Unavailable(
          'The server has too much heavy work queued right now (analyses and imports of many people); ask again in a little while.',
          10,
        );
      }
      throw error;
    } finally {
      this.inFlight--;
    }
    // A worker cannot throw a Problem across the thread boundary (only message and stack
    // survive), so tasks hand it back as data and it is thrown again here.
    if (isCarriedProblem(result)) throw uncarried(result);
    return result as TaskOutput<K>;
  }

  /** Lets running tasks finish, refuses new ones, and ends the threads. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.piscina.close();
  }
}
