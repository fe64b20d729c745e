import type { Tx } from '../db/gateway.js';

/** Which schema migrations have run, recorded as one node each. */
export const migrationsRepo = {
  async appliedVersions(tx: Tx): Promise<number[]> {
    return (await tx.query<{ version: number }>('MATCH (m:Migration) RETURN m.version AS version')).map((r) => r.version);
  },

  async record(tx: Tx, version: number, name: string): Promise<void> {
    await tx.query('MERGE (m:Migration {version: $version}) ON CREATE SET m.name = $name, m.appliedAt = datetime()', {
      version,
      name,
    });
  },
};
