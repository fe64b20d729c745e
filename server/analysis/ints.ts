import neo4j from 'neo4j-driver';

/** LIMIT, SHORTEST k and ranges need Cypher integers; JavaScript numbers travel as floats. */
export const int = (n: number) => neo4j.int(n);

/** Did the database end the transaction because its time budget ran out? */
export function isTimeout(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /TransactionTimedOut|Transaction\.Terminated|TransactionMarkedAsFailed/.test(code);
}
