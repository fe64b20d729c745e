/**
 * The environment variables the local Neo4j reads, shared by the server (server/config.ts
 * extends this shape) and by `npm run db`, so both start the same database the same way.
 */
import path from 'node:path';
import { z } from 'zod';
import { LocalNeo4jError } from './errors.js';
import type { LocalNeo4jOptions } from './local.js';

const size = z.string().regex(/^\d+[kmg]$/i, 'must be a size such as 1g or 512m');

/** The local database's defaults, written once: the variables below and startLocalNeo4j both use them. */
export const LOCAL_DEFAULTS = {
  port: 7687,
  heap: '1g',
  pageCache: '512m',
  /** Seconds; a busy machine (CI, a laptop running the suite) can need minutes for a first start. */
  startTimeout: 300,
} as const;

/** Neo4j refuses shorter passwords (dbms.security.auth_minimum_password_length). */
export const MIN_PASSWORD_LENGTH = 8;

export const localEnvShape = {
  NEO4J_PORT: z.coerce.number().int().min(1).max(65535).default(LOCAL_DEFAULTS.port),
  NEO4J_HEAP: size.default(LOCAL_DEFAULTS.heap),
  NEO4J_PAGECACHE: size.default(LOCAL_DEFAULTS.pageCache),
  NEO4J_START_TIMEOUT: z.coerce.number().int().min(1, 'must be a number of seconds, at least 1').default(LOCAL_DEFAULTS.startTimeout),
  POWERMAP_DATA_DIR: z.string().min(1).default(path.resolve('.data')),
};

const localEnvSchema = z.object({
  ...localEnvShape,
  NEO4J_USER: z.string().optional(),
  NEO4J_PASSWORD: z.string().optional(),
});

export type LocalEnv = z.infer<typeof localEnvSchema>;

/** Variables of the local database whose values never appear in an error message. */
export const SECRET_VARIABLES: ReadonlySet<string> = new Set(['NEO4J_PASSWORD']);

/** "Invalid environment variable X=…: why." without repeating a secret's value. */
export function describeInvalid(env: NodeJS.ProcessEnv, name: string, message: string, secrets = SECRET_VARIABLES): string {
  const value = env[name] ?? '';
  const shown = secrets.has(name) ? `(${value.length} characters, not shown)` : JSON.stringify(value);
  return `Invalid environment variable ${name}=${shown}: ${message}.`;
}

/** Validates the variables `npm run db` needs, one sentence naming the first bad one. */
export function loadLocalEnv(env: NodeJS.ProcessEnv): LocalEnv {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = localEnvSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new LocalNeo4jError(describeInvalid(env, String(issue.path[0] ?? 'environment'), issue.message));
  }
  return parsed.data;
}

/**
 * NEO4J_START_TIMEOUT in milliseconds, for starters that choose everything else themselves
 * (the tests' database, the benchmarks'), so that every start waits as long as `npm run db` does.
 */
export function startTimeoutMs(env: NodeJS.ProcessEnv): number {
  const { NEO4J_START_TIMEOUT } = loadLocalEnv({ NEO4J_START_TIMEOUT: env.NEO4J_START_TIMEOUT });
  return NEO4J_START_TIMEOUT * 1000;
}

/**
 * Where and how the local Neo4j runs. Its user is always neo4j; its password is the one
 * generated into `<data>/neo4j/password` on first start, unless NEO4J_PASSWORD is given
 * (with no NEO4J_URI), which then becomes the local database's password.
 */
export function localNeo4jOptions(env: LocalEnv): Omit<LocalNeo4jOptions, 'log'> {
  if (env.NEO4J_USER && env.NEO4J_USER !== 'neo4j') {
    throw new LocalNeo4jError(
      `NEO4J_USER=${JSON.stringify(env.NEO4J_USER)} applies only with NEO4J_URI: the local Neo4j's user is neo4j, so unset NEO4J_USER or set NEO4J_URI.`,
    );
  }
  if (env.NEO4J_PASSWORD !== undefined && env.NEO4J_PASSWORD.length < MIN_PASSWORD_LENGTH) {
    throw new LocalNeo4jError(
      `NEO4J_PASSWORD is shorter than the ${MIN_PASSWORD_LENGTH} characters Neo4j requires: choose a longer one, or unset it to use the generated password.`,
    );
  }
  return {
    dataDir: path.join(env.POWERMAP_DATA_DIR, 'neo4j'),
    cacheDir: env.POWERMAP_DATA_DIR,
    port: env.NEO4J_PORT,
    heap: env.NEO4J_HEAP,
    pageCache: env.NEO4J_PAGECACHE,
    startTimeoutMs: env.NEO4J_START_TIMEOUT * 1000,
    ...(env.NEO4J_PASSWORD !== undefined ? { password: env.NEO4J_PASSWORD } : {}),
  };
}
