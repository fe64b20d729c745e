import neo4j, { type Driver, type ManagedTransaction, Neo4jError } from 'neo4j-driver';
import type { FastifyBaseLogger } from 'fastify';
import { toParams, toPlain } from './convert.js';
import { Circuit, type CircuitOptions } from './circuit.js';
import { Conflict, DomainError, Timeout, TooLarge, Unavailable } from '../domain/errors.js';

export type Row = Record<string, unknown>;

/** The only handle on a transaction that code above the gateway receives. */
export interface Tx {
  query<T = Row>(cypher: string, params?: Record<string, unknown>): Promise<T[]>;
  one<T = Row>(cypher: string, params?: Record<string, unknown>): Promise<T | undefined>;
}

/** Driver errors that mean the database cannot be used now: the circuit opens on them. */
const UNREACHABLE = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  // Credentials refused, or locked out for a while after failed attempts (from anyone).
  'Neo.ClientError.Security.Unauthorized',
  'Neo.ClientError.Security.AuthenticationRateLimit',
]);

/** The database cannot be reached; `retryAfter` (seconds) says when to ask again. */
export class DatabaseUnavailableError extends Unavailable {
  constructor(retryAfterSeconds: number) {
    super('The database is not reachable right now; try again shortly.', retryAfterSeconds);
  }
}

/** The database ended the transaction because its time budget (`timeoutMs`) ran out. */
const TIMED_OUT = /TransactionTimedOut|Transaction\.Terminated|TransactionMarkedAsFailed/;

export type DatabaseState = 'up' | 'down';

/**
 * Every Cypher statement goes through here: one session per unit of work on the configured
 * database, read or write mode, closed in `finally`; results converted to plain JSON once;
 * driver failures turned into domain errors
 * (server/domain/errors.ts) that the HTTP layer maps to problems. A circuit breaker makes work fail at once while
 * the database is known to be unreachable, instead of each request waiting out the driver's
 * connection and retry timeouts.
 */
export class Gateway {
  private readonly circuit: Circuit;
  private stateCheck: { at: number; state: Promise<DatabaseState> } | undefined;

  constructor(
    readonly driver: Driver,
    readonly database: string,
    private readonly log?: FastifyBaseLogger,
    options: { circuit?: CircuitOptions } = {},
  ) {
    this.circuit = new Circuit(() => this.probe(), { ...(log ? { log } : {}), ...options.circuit });
  }

  /** Whether the database answers, for /api/health: no database call while the circuit is open. */
  state(): Promise<DatabaseState> {
    if (this.circuit.isOpen) return Promise.resolve('down');
    // One check a second at most, however often health is asked.
    if (this.stateCheck && Date.now() - this.stateCheck.at < 1_000) return this.stateCheck.state;
    const state = this.probe().then(
      () => 'up' as const,
      (error: unknown) => {
        this.failed(error);
        return 'down' as const;
      },
    );
    this.stateCheck = { at: Date.now(), state };
    return state;
  }

  /** Something outside saw the database go (the local one died): fail fast from now on. */
  markUnreachable(reason: string): void {
    this.stateCheck = undefined;
    this.circuit.open(reason);
  }

  /** Stops the background probe; the driver stays the caller's to close. */
  close(): void {
    this.circuit.dispose();
  }

  /** `timeoutMs`: the database ends the transaction after this long (bounded searches). */
  read<T>(work: (tx: Tx) => Promise<T>, label = 'read', options: { timeoutMs?: number } = {}): Promise<T> {
    return this.unit('READ', work, label, options.timeoutMs);
  }

  write<T>(work: (tx: Tx) => Promise<T>, label = 'write'): Promise<T> {
    return this.unit('WRITE', work, label);
  }

  /** Statements that cannot share a transaction with others (schema changes). */
  async autoCommit(cypher: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    this.guard();
    const session = this.driver.session({ database: this.database });
    try {
      const result = await session.run(cypher, toParams(params) as Record<string, unknown>);
      return result.records.map((r) => toPlain(r.toObject()) as Row);
    } catch (error) {
      throw this.failed(error);
    } finally {
      await session.close();
    }
  }

  async verify(): Promise<void> {
    this.guard();
    try {
      await this.driver.verifyConnectivity({ database: this.database });
    } catch (error) {
      throw this.failed(error);
    }
  }

  /** While the circuit is open, nothing is sent to the database. */
  private guard() {
    if (this.circuit.isOpen) throw new DatabaseUnavailableError(this.circuit.retryAfterSeconds());
  }

  /** The error to throw for a driver failure; an unreachable database opens the circuit. */
  private failed(error: unknown): unknown {
    if (error instanceof Neo4jError && UNREACHABLE.has(error.code)) {
      this.stateCheck = undefined;
      this.circuit.open(error.code);
      return new DatabaseUnavailableError(this.circuit.retryAfterSeconds());
    }
    return mapDriverError(error);
  }

  /** One statement, no retries: the cheapest honest answer to "does the database work?" */
  private async probe(): Promise<void> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      await session.run('RETURN 1');
    } finally {
      await session.close().catch(() => {});
    }
  }

  private async unit<T>(mode: 'READ' | 'WRITE', work: (tx: Tx) => Promise<T>, label: string, timeoutMs?: number): Promise<T> {
    this.guard();
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    const run = (tx: ManagedTransaction) => work(wrap(tx, this.log));
    try {
      const config = { metadata: { app: 'powermap', unit: label }, ...(timeoutMs ? { timeout: timeoutMs } : {}) };
      return mode === 'READ' ? await session.executeRead(run, config) : await session.executeWrite(run, config);
    } catch (error) {
      throw this.failed(error);
    } finally {
      await session.close();
    }
  }
}

function wrap(tx: ManagedTransaction, log?: FastifyBaseLogger): Tx {
  const query = async <T>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> => {
    log?.debug({ cypher, params }, 'cypher');
    const result = await tx.run(cypher, toParams(params) as Record<string, unknown>);
    const keys = result.records[0]?.keys ?? [];
    // Built from the record's fields directly: record.toObject() would copy each row once more.
    return result.records.map((record) => {
      const row: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) row[keys[i] as string] = toPlain(record.get(i));
      return row as T;
    });
  };
  return { query, one: async (cypher, params) => (await query(cypher, params))[0] as never };
}

/** A driver failure as a domain error; anything else (a domain error from the work itself, a bug) passes through. */
const OUT_OF_MEMORY = new Set([
  'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
  'Neo.ClientError.General.TransactionOutOfMemoryError',
  'Neo.TransientError.General.TransactionOutOfMemoryError',
]);

export function mapDriverError(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  if (error instanceof Neo4jError) {
    if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      return new Conflict('That would duplicate something that must be unique.', { reason: error.message });
    }
    if (UNREACHABLE.has(error.code)) return new DatabaseUnavailableError(5);
    if (TIMED_OUT.test(error.code)) return new Timeout();
    // Retrying would fail the same way: the work is more than the database lets one transaction hold.
    if (OUT_OF_MEMORY.has(error.code))
      return new TooLarge(
        'This is more than the database lets one piece of work hold in memory, so nothing of it was saved. Send it in smaller parts, or give the database more memory (NEO4J_HEAP).',
        { reason: error.code },
      );
    // Deadlocks and the like that outlasted the driver's retries: the database is there, but busy.
    if (error.code.startsWith('Neo.TransientError')) return new Unavailable('The database is busy; try again shortly.', 1);
  }
  return error;
}

export function createDriver(uri: string, user: string | undefined, password: string | undefined) {
  const auth = password ? neo4j.auth.basic(user ?? 'neo4j', password) : undefined;
  return neo4j.driver(uri, auth, {
    disableLosslessIntegers: false,
    maxConnectionPoolSize: 100,
    connectionAcquisitionTimeout: 10_000,
    connectionTimeout: 5_000,
    maxTransactionRetryTime: 5_000,
    userAgent: 'powermap',
  });
}
