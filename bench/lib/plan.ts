import neo4j from 'neo4j-driver';

/** One session's work as the API did it: its access mode and its statements in order. */
export interface Unit {
  mode: 'READ' | 'WRITE';
  statements: Array<{ cypher: string; params: Record<string, unknown> }>;
}

/** For each request URL, the units of work the API ran to answer it. */
export type Plan = Record<string, Unit[]>;

/** JSON keeps Neo4j integers as integers ({"$int": "12"}), so a replay binds the same types. */
export function replace(_key: string, value: unknown): unknown {
  return neo4j.isInt(value) ? { $int: value.toString() } : value;
}

export function revive(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && '$int' in value && Object.keys(value).length === 1) {
    return neo4j.int((value as { $int: string }).$int);
  }
  return value;
}

/**
 * Who-is-calling lookups (API token, workspace membership) are cached by the API for a few
 * seconds, so in steady state they are not part of a request; when a capture happens to
 * catch them, they are left out of the floor's plan rather than charged to it.
 */
export function isAuthStatement(cypher: string): boolean {
  return /:ApiToken\b|:Session\b|-\[m:MEMBER_OF\]->\(w:Workspace \{id: \$wsId\}\)/.test(cypher);
}
