/** A problem starting the local database, phrased as one sentence with its fix. */
export class LocalNeo4jError extends Error {
  override name = 'LocalNeo4jError';
}
