import { z } from 'zod';
import { describeInvalid, localEnvShape, SECRET_VARIABLES } from '../neo4j/config.js';

const port = z.coerce.number().int().min(1).max(65535);
const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Every environment variable powermap reads; the README's table mirrors this. */
export const configSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s]+$/, 'must look like bolt://host:7687, neo4j://host or neo4j+s://host')
    .optional(),
  /** With NEO4J_URI only; the local Neo4j's user is always neo4j. */
  NEO4J_USER: z.string().optional(),
  /** The password for NEO4J_URI; without NEO4J_URI, the local Neo4j's password (else generated). */
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9.-]*$/, 'must be a Neo4j database name')
    .default('neo4j'),
  // NEO4J_PORT, NEO4J_HEAP, NEO4J_PAGECACHE, NEO4J_START_TIMEOUT, POWERMAP_DATA_DIR: the local Neo4j's.
  ...localEnvShape,
  /** Seconds a bounded search (find connections, leverage routes) runs before it answers "incomplete". */
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SEED_DEMO: flag.default(true),
  // Off by default: believing X-Forwarded-For from anyone would let a caller pick the address that sign-in limits count.
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d+|[\d.:a-fA-F/, ]+)$/, 'must be true, false, a number of proxy hops, or proxy addresses')
    .default('false')
    .transform((v): boolean | number | string => (v === 'true' ? true : v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v)),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, message: 'must be the address people open powermap at, such as https://powermap.example.org' })
    .optional(),
  // Largest file one import takes, in megabytes; larger uploads are refused with 413.
  IMPORT_MAX_MB: z.coerce.number().int().min(1).max(2048).default(100),
  // Records one part of a large import writes in one transaction (and one change), in batches
  // of 2,000. Larger parts need more of Neo4j's transaction memory (1 GB of heap fails near 60,000).
  IMPORT_PART_RECORDS: z.coerce.number().int().min(2_000).max(100_000).default(10_000),
  // Whole-workspace brokers of a workspace with more actors than this answer from the last
  // measures (saying how many changes old) for up to 50 changes, while fresh ones are computed.
  ANALYSIS_REUSE_ABOVE: z.coerce.number().int().min(0).default(1000),
  // Where "Add from LittleSis" fetches entities (a mirror, or a recorded copy in tests).
  LITTLESIS_URL: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) URL such as https://littlesis.org' })
    .default('https://littlesis.org'),
});

export type Config = z.infer<typeof configSchema>;

/** Variables whose values never appear in an error message. */
const secrets: ReadonlySet<string> = new Set([...SECRET_VARIABLES, 'SESSION_SECRET']);

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Validates the environment; an invalid variable is named in one sentence. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(describeInvalid(env, String(issue.path[0] ?? 'environment'), issue.message, secrets));
  }
  return parsed.data;
}
