import neo4j from 'neo4j-driver';

/** LIMIT, SHORTEST k and ranges need Cypher integers; JavaScript numbers travel as floats. */
export const int = (n: number) => neo4j.int(n);
