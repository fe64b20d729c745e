import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';

/** A command's output, stdout and stderr together (`java -version` writes to stderr). */
function quiet(cmd: string, args: string[]): string | null {
  const run = spawnSync(cmd, args, { encoding: 'utf8' });
  return run.error ? null : `${run.stdout ?? ''}${run.stderr ?? ''}`.trim() || null;
}

function packageVersion(name: string): string | null {
  try {
    return (JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { version: string }).version;
  } catch {
    return null;
  }
}

/** What the figures were measured on: they only mean something next to this. */
export function machine() {
  const java = quiet('java', ['-version'])?.split('\n')[0] ?? null;
  return {
    host: os.hostname(),
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
    platform: `${os.type()} ${os.release()}`,
    node: process.version,
    java,
    git: quiet('git', ['rev-parse', '--short', 'HEAD']),
    versions: Object.fromEntries(
      [
        'neo4j-driver',
        'fastify',
        'autocannon',
        '@neo4j/graphql',
        'graphql',
        'cytoscape',
        'playwright-core',
        'graphology',
        'graphology-metrics',
        'graphology-communities-louvain',
      ].map((p) => [p, packageVersion(p)]),
    ),
  };
}

/** Resident set size of a process in MB, from /proc (Linux). */
export function rssMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 102.4) / 10 : null;
  } catch {
    return null;
  }
}

/** Peak RSS (high-water mark) of a process in MB. */
export function peakRssMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 102.4) / 10 : null;
  } catch {
    return null;
  }
}

/** Resets a process's peak RSS (VmHWM), so the next peak read is of what follows (Linux, own child). */
export function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}
