import { createReadStream } from 'node:fs';
import {
  backup as backupSchema,
  backupActor,
  backupAssessment,
  backupChange,
  backupDemand,
  backupMap,
  backupRelationship,
  backupSource,
  BACKUP_MAX,
  type Backup,
} from '../domain/backup.js';
import { invalid, validationError, type DomainError } from '../domain/errors.js';
import { jsonObjectStream, JsonRefused, type JsonRefusal } from './json-object-stream.js';

/** The record lists of a backup, each record checked by its own schema as it is read; in the schema's order. */
const lists = {
  actors: backupActor,
  relationships: backupRelationship,
  sources: backupSource,
  demands: backupDemand,
  assessments: backupAssessment,
  maps: backupMap,
  history: backupChange,
} as const;
type List = keyof typeof lists;
const listNames = Object.keys(lists) as List[];
const isList = (key: unknown): key is List => typeof key === 'string' && Object.hasOwn(lists, key);

/** What is left of the document once its lists are taken out: format, version, workspace… */
const head = backupSchema.pick({ format: true, version: true, exportedAt: true, workspace: true, internalFields: true });

export interface BackupStreamOptions {
  /** Where the document came from, as errors name it: "file" (an uploaded file) or "body" (a request body). */
  prefix?: 'file' | 'body';
  /** Keep the change history (a restore into a new workspace brings it); otherwise it is checked and not kept. */
  history?: boolean;
  /** Hears the records read so far after each piece. */
  onProgress?: (records: number) => Promise<void> | void;
}

function refused(refusal: JsonRefusal, prefix: string): DomainError {
  switch (refusal.kind) {
    case 'polluting':
      return invalid(`The ${prefix} holds a "${refusal.key}" key, which is refused: it could change how every object behaves.`, [
        { path: prefix, message: `must not hold a "${refusal.key}" key` },
      ]);
    case 'not-object':
      return invalid(`The ${prefix} is not a powermap backup: it is a JSON ${refusal.found}, not an object.`, [
        { path: prefix, message: 'must be a JSON object' },
      ]);
    case 'empty':
      return invalid(`The ${prefix} is empty: send the backup document that Export → Backup saved.`, [
        { path: prefix, message: 'is empty' },
      ]);
    case 'syntax':
      return invalid(
        `The ${prefix} is not a powermap backup: it is not JSON (${refusal.detail}). Export one with “Backup” in the Export menu.`,
        [{ path: prefix, message: 'is not valid JSON' }],
      );
  }
}

/**
 * Reads a backup file as a stream (64 KB at a time, jsonObjectStream), so that a large
 * backup never holds the event loop: between two pieces other requests are answered. Each
 * record of the lists is checked by its schema as soon as it is whole and only the checked
 * record is kept. The answer is the same as `backup.parse(JSON.parse(text))`, the first
 * wrong field named the same way (`file.actors.3.kind`, or `body.…` for a request body):
 * the document's own fields first, then the lists in the schema's order.
 */
export async function readBackupStream(path: string, options: BackupStreamOptions = {}): Promise<Backup> {
  const prefix = options.prefix ?? 'file';
  const records: Record<List, unknown[]> = {
    actors: [],
    relationships: [],
    sources: [],
    demands: [],
    assessments: [],
    maps: [],
    history: [],
  };
  /** The first wrong record of each list. */
  const wrong = new Map<List, DomainError>();
  /** workspace and internalFields, gathered member by member. */
  const objects: Record<string, Record<string, unknown>> = {};
  let count = 0;
  const reader = jsonObjectStream({
    paths: ['$.*.*'],
    onValue: ({ value, key, stack }) => {
      const member = stack[1]?.key;
      if (isList(member)) {
        if (wrong.has(member) || typeof key !== 'number') return;
        const max = BACKUP_MAX[member === 'history' ? 'changes' : member];
        if (key >= max) {
          wrong.set(
            member,
            invalid(`${prefix}.${member}: at most ${max.toLocaleString('en')} in one backup`, [
              { path: `${prefix}.${member}`, message: `at most ${max} items` },
            ]),
          );
          return;
        }
        const checked = lists[member].safeParse(value);
        if (!checked.success) wrong.set(member, validationError(checked.error, `${prefix}.${member}.${key}`));
        else if (member !== 'history' || options.history) records[member].push(checked.data);
        count++;
      } else if (member === 'workspace' || member === 'internalFields') {
        const into = (objects[member] ??= {});
        into[String(key)] = value;
      }
    },
  });
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 }) as AsyncIterable<Buffer>) {
      reader.write(chunk);
      await options.onProgress?.(count);
    }
    reader.end();
  } catch (error) {
    if (error instanceof JsonRefused) throw refused(error.refusal, prefix);
    throw error;
  }

  const top: Record<string, unknown> = {};
  for (const [key, member] of reader.top) {
    if (member.shape === 'value') top[key] = member.value;
    else if (key === 'workspace' || key === 'internalFields') top[key] = member.shape === 'list' ? [] : (objects[key] ?? {});
  }
  const parsedHead = head.safeParse(top);
  if (!parsedHead.success) throw validationError(parsedHead.error, prefix);
  for (const list of listNames) {
    const member = reader.top.get(list);
    const isNull = member?.shape === 'value' && member.value === null;
    if (member && member.shape !== 'list' && !(list === 'history' && isNull)) {
      throw invalid(`${prefix}.${list}: must be a list`, [{ path: `${prefix}.${list}`, message: 'must be a list' }]);
    }
    const first = wrong.get(list);
    if (first) throw first;
  }
  const { history, ...rest } = records;
  const kept = options.history && reader.top.get('history')?.shape === 'list' ? (history as Backup['history']) : null;
  return { ...parsedHead.data, ...(rest as Omit<Backup, keyof typeof parsedHead.data | 'history'>), history: kept };
}
