import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrationsRepo } from '../repos/migrations.js';
import type { Gateway } from './gateway.js';

const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../cypher/migrations');

export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

/** Splits a migration file into statements: `;` at the end of a line ends one; `//` lines are comments. */
export function parseStatements(text: string): string[] {
  const body = text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');
  return body
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function loadMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{3}_[\w-]+\.cypher$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 3)),
      name: file.replace(/\.cypher$/, ''),
      statements: parseStatements(readFileSync(path.join(dir, file), 'utf8')),
    }));
}

export async function appliedVersions(db: Gateway): Promise<number[]> {
  return (await db.read((tx) => migrationsRepo.appliedVersions(tx))).sort((a, b) => a - b);
}

/**
 * Applies the migrations not yet recorded, in order. Schema statements each run in their
 * own transaction (Neo4j does not mix schema and data writes) and are written with
 * IF NOT EXISTS, so a crash half-way through is repaired by simply running again.
 */
export async function migrate(db: Gateway, migrations = loadMigrations()): Promise<number[]> {
  const done = new Set(await appliedVersions(db).catch(() => [] as number[]));
  const applied: number[] = [];
  for (const migration of migrations) {
    if (done.has(migration.version)) continue;
    for (const statement of migration.statements) await db.autoCommit(statement);
    await db.write((tx) => migrationsRepo.record(tx, migration.version, migration.name));
    applied.push(migration.version);
  }
  await db.autoCommit('CALL db.awaitIndexes(300)');
  return applied;
}

/** True when every migration file has been recorded as applied. */
export async function isMigrated(db: Gateway, migrations = loadMigrations()): Promise<boolean> {
  const done = new Set(await appliedVersions(db));
  return migrations.every((m) => done.has(m.version));
}
