import { createReadStream } from 'node:fs';
import { JSONParser } from '@streamparser/json';
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
import { invalid, validationError } from '../domain/errors.js';

/** The record lists of a backup, each record checked by its own schema as it is read. */
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
const isList = (key: unknown): key is List => typeof key === 'string' && Object.hasOwn(lists, key);

/** What is left of the document once its lists are taken out: format, version, workspace… */
const head = backupSchema.pick({ format: true, version: true, exportedAt: true, workspace: true, internalFields: true });

const notJson = () => invalid('The file is not a powermap backup: it is not JSON. Export one with “Backup” in the Export menu.');

/**
 * Reads a backup file as a stream (@streamparser/json, 64 KB at a time), so that a large
 * backup never holds the event loop: between two pieces other requests are answered. Each
 * record of the lists is checked by its schema as soon as it is whole and only the checked
 * record is kept; the parser keeps nothing it has handed over. The answer is the same as
 * `backup.parse(JSON.parse(text))`, the first wrong field named the same way (`file.actors.3.kind`),
 * except that the change history is checked and not kept (a restore into a workspace does
 * not bring it). `onProgress` hears the records read so far after each piece.
 */
export async function readBackupStream(path: string, onProgress?: (records: number) => Promise<void> | void): Promise<Backup> {
  const parser = new JSONParser({ paths: ['$.*.*', '$.format', '$.version', '$.exportedAt'], keepStack: false });
  const top: Record<string, unknown> = {};
  const records: Record<List, unknown[]> = {
    actors: [],
    relationships: [],
    sources: [],
    demands: [],
    assessments: [],
    maps: [],
    history: [],
  };
  let count = 0;
  let wrong: ReturnType<typeof validationError> | null = null;
  parser.onValue = ({ value, key, stack }) => {
    if (stack.length === 1) {
      top[String(key)] = value;
      return;
    }
    const list = stack[1]?.key;
    if (isList(list)) {
      top[list] = true;
      if (wrong) return;
      if (typeof key !== 'number') {
        wrong = invalid(`file.${list}: must be a list`, [{ path: `file.${list}`, message: 'must be a list' }]);
        return;
      }
      const max = BACKUP_MAX[list === 'history' ? 'changes' : list];
      if (key >= max) {
        wrong = invalid(`file.${list}: at most ${max.toLocaleString('en')} in one backup`, [
          { path: `file.${list}`, message: `at most ${max} items` },
        ]);
        return;
      }
      const checked = lists[list].safeParse(value);
      if (!checked.success) wrong = validationError(checked.error, `file.${list}.${key}`);
      else if (list !== 'history') records[list].push(checked.data);
      count++;
    } else if (list === 'workspace' || list === 'internalFields') {
      const into = (top[list] ??= {}) as Record<string, unknown>;
      into[String(key)] = value;
    }
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 }) as AsyncIterable<Buffer>) {
    try {
      parser.write(chunk);
    } catch {
      // Not JSON, or more after the document has ended.
      throw notJson();
    }
    await onProgress?.(count);
  }
  if (!parser.isEnded) throw notJson();
  // The document's own fields first, as the whole-document check names them first.
  const parsedHead = head.safeParse(top);
  if (!parsedHead.success) throw validationError(parsedHead.error, 'file');
  if (wrong) throw wrong;
  const { history: _h, ...rest } = records;
  return { ...parsedHead.data, ...(rest as Omit<Backup, keyof typeof parsedHead.data | 'history'>), history: null };
}
