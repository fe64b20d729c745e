import { readFile } from 'node:fs/promises';
import type { ImportFormat, ImportMapping, ImportRowError } from '../../domain/import-job.js';
import { Problem } from '../../http/problem.js';
import { ftmToIncoming } from './ftm.js';
import { emptyIncoming, type Incoming } from './incoming.js';
import { bodsToIncoming } from './bods.js';
import { littlesisToIncoming } from './littlesis.js';
import { readSec13f } from './sec13f-read.js';
import { sec13fToIncoming } from './sec13f.js';
import { defaultMapping, isKumuElements, kumuConnections, kumuElements, tableToIncoming } from './mapping.js';
import { planImport, type ImportPlan, type Snapshot } from './plan.js';
import { readCsv, readXlsx, utf8Text, type Table } from './table.js';

/** The first rows of each sheet, for the wizard to show beside its column mapping. */
export interface ImportSample {
  detected: ImportFormat;
  sheets: { name: string; columns: string[]; rows: string[][] }[];
}

interface Read {
  incoming: Incoming;
  sample: ImportSample | null;
}

/**
 * One handler per format. `records` formats read a file into actors and ties, which are
 * matched and written the same way whatever the format; `restore` (the backup) replaces that
 * path with the backup's own restore (`restoreBackupFile` in services/backup.ts).
 */
export type FormatHandler =
  { kind: 'records'; read(bytes: Uint8Array, mapping: ImportMapping | null): Promise<Read> } | { kind: 'restore' };

const sampleOf = (detected: ImportFormat, tables: Table[]): ImportSample => ({
  detected,
  sheets: tables.map((t) => ({ name: t.name, columns: t.rows[0] ?? [], rows: t.rows.slice(1, 6) })),
});

const needMapping = (t: Table) =>
  new Problem(
    422,
    'Mapping needed',
    `Say which columns name the two actors: “${t.name}” has no From and To columns (its columns are ${(t.rows[0] ?? []).map((h) => `“${h}”`).join(', ')}). Nothing was imported.`,
  );

/** Kumu's shape: an elements sheet (Label…) and/or a connections sheet (From, To…). */
function readKumu(tables: Table[]): Read {
  const elements = tables.find((t) => /element/i.test(t.name)) ?? tables.find(isKumuElements);
  const connections =
    tables.find((t) => /connection/i.test(t.name)) ?? tables.find((t) => t !== elements && defaultMapping(t.rows[0] ?? []) !== null);
  if (!elements && !connections)
    throw new Problem(
      422,
      'Unusable file',
      'This is not in Kumu’s shape: it needs an elements sheet with a Label column or a connections sheet with From and To columns. Nothing was imported.',
    );
  const out = emptyIncoming();
  if (elements) kumuElements(elements, out);
  if (connections) kumuConnections(connections, out);
  return {
    incoming: out,
    sample: sampleOf(
      'kumu',
      [elements, connections].filter((t): t is Table => Boolean(t)),
    ),
  };
}

/** A plain table by its mapping; Kumu's two sheets are recognised without one. */
function readTables(tables: Table[], mapping: ImportMapping | null, detected: 'csv' | 'xlsx'): Read {
  const kumuLike =
    !mapping &&
    (tables.some(isKumuElements) ||
      (tables.length > 1 && tables.some((t) => /element/i.test(t.name)) && tables.some((t) => /connection/i.test(t.name))));
  if (kumuLike) return readKumu(tables);
  const sheet = mapping?.sheet ? tables.find((t) => t.name === mapping.sheet) : tables.find((t) => t.rows.length);
  if (!sheet)
    throw new Problem(
      422,
      'Unusable file',
      `The workbook has no sheet “${mapping?.sheet}”; its sheets are ${tables.map((t) => `“${t.name}”`).join(', ')}. Nothing was imported.`,
    );
  const sample = sampleOf(detected, tables);
  const use = mapping ?? defaultMapping(sheet.rows[0] ?? []);
  if (!use) throw Object.assign(needMapping(sheet), { sample });
  try {
    return { incoming: tableToIncoming(sheet, use), sample };
  } catch (error) {
    // The wizard still shows the columns of a table it could not use.
    if (error instanceof Problem) Object.assign(error, { sample });
    throw error;
  }
}

export const formatHandlers: Record<ImportFormat, FormatHandler> = {
  csv: { kind: 'records', read: async (bytes, mapping) => readTables([readCsv(bytes)], mapping, 'csv') },
  xlsx: { kind: 'records', read: async (bytes, mapping) => readTables(await readXlsx(bytes), mapping, 'xlsx') },
  kumu: {
    kind: 'records',
    read: async (bytes) => readKumu(bytes[0] === 0x50 && bytes[1] === 0x4b ? await readXlsx(bytes) : [readCsv(bytes)]),
  },
  ftm: { kind: 'records', read: async (bytes) => ({ incoming: ftmToIncoming(utf8Text(bytes)), sample: null }) },
  littlesis: { kind: 'records', read: async (bytes) => ({ incoming: littlesisToIncoming(utf8Text(bytes)), sample: null }) },
  sec13f: { kind: 'records', read: async (bytes) => ({ incoming: sec13fToIncoming(await readSec13f(bytes)), sample: null }) },
  bods: { kind: 'records', read: async (bytes) => ({ incoming: bodsToIncoming(utf8Text(bytes)), sample: null }) },
  backup: { kind: 'restore' },
};

export interface ImportTaskInput {
  path: string;
  format: ImportFormat;
  mapping: ImportMapping | null;
  /** Incoming names the user confirmed as the same as an existing actor (name → actor id). */
  matches?: Record<string, string>;
  snapshot: Snapshot;
  now: string;
}

export type ImportTaskOutput =
  | { ok: true; plan: ImportPlan; sample: ImportSample | null }
  | { ok: false; failure: string; errors: ImportRowError[]; sample: ImportSample | null };

/**
 * The worker thread's part of an import: read the file from disk, parse it, match it
 * against the workspace and check every record. Failures come back as data, with the
 * sample when there is one, so that the wizard can show the columns it could not map.
 */
export async function runImportTask(input: ImportTaskInput): Promise<ImportTaskOutput> {
  const handler = formatHandlers[input.format];
  if (handler.kind !== 'records') return { ok: false, failure: `The ${input.format} format is not read here.`, errors: [], sample: null };
  try {
    const bytes = await readFile(input.path);
    const { incoming, sample } = await handler.read(bytes, input.mapping);
    return { ok: true, plan: planImport(incoming, input.snapshot, input.now, input.matches ?? {}), sample };
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    const extra = error.extra as { rowErrors?: ImportRowError[] };
    const sample = (error as Problem & { sample?: ImportSample }).sample ?? null;
    return { ok: false, failure: error.message, errors: extra.rowErrors ?? [], sample };
  }
}
