import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LocalNeo4jError } from './errors.js';

export const neo4jDir = path.dirname(fileURLToPath(import.meta.url));
export const pomPath = path.join(neo4jDir, 'pom.xml');
export const launcherPath = path.join(neo4jDir, 'Launcher.java');

/**
 * Resolves the Neo4j jars with Maven once per pom.xml content and caches the classpath
 * under the data folder; later starts read the cache and skip Maven entirely.
 */
export async function resolveClasspath(cacheDir: string, log: (line: string) => void = () => {}): Promise<string> {
  const pom = readFileSync(pomPath);
  const key = createHash('sha256').update(pom).digest('hex').slice(0, 16);
  const cacheFile = path.join(cacheDir, `neo4j-classpath-${key}.txt`);
  if (existsSync(cacheFile)) {
    const cached = readFileSync(cacheFile, 'utf8').trim();
    if (cached.split(path.delimiter).every((jar) => existsSync(jar))) return cached;
  }
  const mvn = process.env.MAVEN_CMD ?? 'mvn';
  if (spawnSync(mvn, ['-v'], { encoding: 'utf8' }).error) {
    throw new LocalNeo4jError(
      `Maven was not found (${mvn}): install Maven 3.8+ (for example "apt-get install maven") so the local Neo4j can be fetched from Maven Central, or set NEO4J_URI.`,
    );
  }
  mkdirSync(cacheDir, { recursive: true });
  log('Resolving Neo4j Community from Maven Central (first start only)…');
  const output: string[] = [];
  const code = await new Promise<number>((resolve) => {
    const child = spawn(mvn, ['-B', '-q', '-f', pomPath, 'dependency:build-classpath', `-Dmdep.outputFile=${cacheFile}`], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (d: Buffer) => output.push(d.toString()));
    child.stderr.on('data', (d: Buffer) => output.push(d.toString()));
    child.on('close', (c) => resolve(c ?? 1));
  });
  if (code !== 0 || !existsSync(cacheFile)) {
    const tail = output.join('').trim().split('\n').slice(-15).join('\n');
    throw new LocalNeo4jError(
      `Maven could not resolve Neo4j from Maven Central (exit ${code}): check the network or proxy settings in ~/.m2/settings.xml, or set NEO4J_URI.\n${tail}`,
    );
  }
  return readFileSync(cacheFile, 'utf8').trim();
}
