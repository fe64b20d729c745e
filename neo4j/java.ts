import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { LocalNeo4jError } from './errors.js';

/** The java binary to run: $JAVA_HOME/bin/java when set, else the one on PATH. */
export function javaBinary(): string {
  return process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

/** Parses `java -version` output ("17.0.15", "1.8.0_402", "21") into its feature release. */
export function parseJavaMajor(versionOutput: string): number | null {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return null;
  const first = Number(match[1]);
  return first === 1 ? Number(match[2]) : first;
}

export function checkJava(): string {
  const java = javaBinary();
  const probe = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (probe.error) {
    throw new LocalNeo4jError(
      `Java was not found (${java}): install Java 17 or 21 (for example "apt-get install openjdk-17-jre-headless"), or set NEO4J_URI to use a Neo4j you already run.`,
    );
  }
  const major = parseJavaMajor(`${probe.stderr}${probe.stdout}`);
  if (major === null || major < 17) {
    throw new LocalNeo4jError(
      `Java ${major ?? 'of an unknown version'} is too old for Neo4j 5.26: install Java 17 or 21 and put it first on PATH (or set JAVA_HOME), or set NEO4J_URI.`,
    );
  }
  return java;
}
