import neo4j from 'neo4j-driver';

/**
 * Turns a value read from Neo4j into plain JSON: integers become numbers (or strings when
 * they exceed 2^53), temporals become ISO-8601 strings, nodes and relationships become
 * their properties. Applied once, at the gateway, so nothing above it sees driver types.
 */
export function toPlain(value: unknown): unknown {
  // Most values are strings, numbers and booleans: answer those before any type probing.
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(toPlain);
  if (Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const key in value) out[key] = toPlain((value as Record<string, unknown>)[key]);
    return out;
  }
  if (neo4j.isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (neo4j.isDateTime(value)) return value.toStandardDate().toISOString();
  if (neo4j.isDate(value) || neo4j.isLocalDateTime(value) || neo4j.isTime(value) || neo4j.isLocalTime(value)) {
    return value.toString();
  }
  if (neo4j.isDuration(value)) return value.toString();
  if (neo4j.isNode(value) || neo4j.isRelationship(value)) return toPlain(value.properties);
  if (neo4j.isPath(value)) return value.segments.map((s) => toPlain(s.relationship));
  return value;
}

/**
 * JavaScript has one number type; Cypher needs integers for LIMIT, SKIP and ranges and
 * stores whole numbers best as integers. Whole numbers go as Neo4j integers, others as floats.
 */
export function toParams(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toParams);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = toParams(inner);
    return out;
  }
  return value;
}
