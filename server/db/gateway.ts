import neo4j, { type Driver, type ManagedTransaction, Neo4jError } from 'neo4j-driver';
import type { FastifyBaseLogger } from 'fastify';
import { toParams, toPlain } from './convert.js';
import { Problem, conflict, unavailable } from '../http/problem.js';

export type Row = Record<string, unknown>;

/** The only handle on a transaction that code above the gateway receives. */
export interface Tx {
  query<T = Row>(cypher: string, params?: Record<string, unknown>): Promise<T[]>;
  one<T = Row>(cypher: string, params?: Record<string, unknown>): Promise<T | undefined>;
}

const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

/**
 * Every Cypher statement goes through here: one session per unit of work on the configured
 * database, read or write mode, closed in `finally`; results converted to plain JSON once;
 * driver failures turned into HTTP problems.
 */
export class Gateway {
  constructor(
    readonly driver: Driver,
    readonly database: string,
    private readonly log?: FastifyBaseLogger,
  ) {}

  /** `timeoutMs`: the database ends the transaction after this long (bounded searches). */
  read<T>(work: (tx: Tx) => Promise<T>, label = 'read', options: { timeoutMs?: number } = {}): Promise<T> {
    return this.unit('READ', work, label, options.timeoutMs);
  }

  write<T>(work: (tx: Tx) => Promise<T>, label = 'write'): Promise<T> {
    return this.unit('WRITE', work, label);
  }

  /** Statements that cannot share a transaction with others (schema changes). */
  async autoCommit(cypher: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    const session = this.driver.session({ database: this.database });
    try {
      const result = await session.run(cypher, toParams(params) as Record<string, unknown>);
      return result.records.map((r) => toPlain(r.toObject()) as Row);
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
    }
  }

  async verify(): Promise<void> {
    try {
      await this.driver.verifyConnectivity({ database: this.database });
    } catch (error) {
      throw mapDriverError(error);
    }
  }

  private async unit<T>(mode: 'READ' | 'WRITE', work: (tx: Tx) => Promise<T>, label: string, timeoutMs?: number): Promise<T> {
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    const run = (tx: ManagedTransaction) => work(wrap(tx, this.log));
    try {
      const config = { metadata: { app: 'powermap', unit: label }, ...(timeoutMs ? { timeout: timeoutMs } : {}) };
      return mode === 'READ' ? await session.executeRead(run, config) : await session.executeWrite(run, config);
    } catch (error) {
      throw mapDriverError(error);
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

export function mapDriverError(error: unknown): unknown {
  if (error instanceof Problem) return error;
  if (error instanceof Neo4jError) {
    if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      return conflict('That would duplicate something that must be unique.', { reason: error.message });
    }
    if (UNAVAILABLE.has(error.code) || error.code.startsWith('Neo.TransientError')) {
      return unavailable('The database is not reachable right now; try again shortly.');
    }
  }
  return error;
}

export function createDriver(uri: string, user: string, password: string | undefined) {
  const auth = password ? neo4j.auth.basic(user, password) : undefined;
  return neo4j.driver(uri, auth, {
    disableLosslessIntegers: false,
    maxConnectionPoolSize: 100,
    connectionAcquisitionTimeout: 10_000,
    connectionTimeout: 5_000,
    maxTransactionRetryTime: 5_000,
    userAgent: 'powermap',
  });
}
