import { DomainError, MappingNeeded, Unusable } from '../../domain/errors.js';
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { ImportFormat, ImportMapping, ImportRowError } from '../../domain/import-job.js';
import { ftmReader } from './ftm.js';
import { emptyIncoming, type Incoming, type RecordSink } from './incoming.js';
import { bodsToIncoming } from './bods.js';
import { littlesisToIncoming } from './littlesis.js';
import { readSec13f } from './sec13f-read.js';
import { sec13fToIncoming } from './sec13f.js';
import { defaultMapping, isKumuElements, kumuConnections, kumuElements, tableReader, tableToIncoming } from './mapping.js';
import { ImportPlanner, type ImportPlan, type IncomingRest, type PlanSink, type Snapshot } from './plan.js';
import { readCsv, readXlsx, streamCsv, streamLines, utf8Text, type Table } from './table.js';

/** The first rows of each sheet, for the wizard to show beside its column mapping. */
export interface ImportSample {
  detected: ImportFormat;
  sheets: { name: string; columns: string[]; rows: string[][] }[];
}

interface Read {
  incoming: Incoming;
  sample: ImportSample | null;
}

/** What a reader tells of a file once it has handed every record of it to the sink. */
interface Streamed {
  rest: IncomingRest;
  sample: ImportSample | null;
}

/**
 * One handler per format. `records` formats read a file into actors and ties, which are
 * matched and written the same way whatever the format; `restore` (the backup) replaces that
 * path with the backup's own restore (`restoreBackupFile` in services/backup.ts). CSV and FtM
 * stream from disk a row or line at a time into the sink; the others are one document (a
 * workbook, a JSON answer, an XML filing) and are read whole, then handed on.
 */
export type FormatHandler =
  { kind: 'records'; read(path: string, mapping: ImportMapping | null, sink: RecordSink): Promise<Streamed> } | { kind: 'restore' };

/** A format read whole, handed to the sink record by record. */
const whole =
  (read: (bytes: Uint8Array, mapping: ImportMapping | null) => Promise<Read>) =>
  async (path: string, mapping: ImportMapping | null, sink: RecordSink): Promise<Streamed> => {
    const { incoming, sample } = await read(await readFile(path), mapping);
    for (const s of incoming.sources) sink.source(s);
    for (const a of incoming.actors) sink.actor(a);
    for (const t of incoming.ties) sink.tie(t);
    return { rest: incoming, sample };
  };

const withSample = (error: unknown, sample: ImportSample) => {
  // The wizard still shows the columns of a table it could not use.
  if (error instanceof DomainError && !(error as DomainError & { sample?: ImportSample }).sample) Object.assign(error, { sample });
  return error;
};

/**
 * A CSV streamed a row at a time: the header and five rows are held for the sample and to
 * choose the mapping, then every row goes to the table's reader as it is parsed. A Kumu
 * elements sheet (a Label column) is read whole as before: Kumu's own sheets stop at about
 * 10,000 rows.
 */
async function streamTable(path: string, mapping: ImportMapping | null, sink: RecordSink): Promise<Streamed> {
  const head: string[][] = [];
  let reader: ReturnType<typeof tableReader> | null = null;
  let kept: string[][] | null = null;
  let sample: ImportSample | null = null;
  const start = () => {
    const table: Table = { name: 'Sheet1', rows: head };
    sample = sampleOf('csv', [table]);
    if (!mapping && isKumuElements(table)) {
      kept = head;
      return;
    }
    if (mapping?.sheet && mapping.sheet !== table.name)
      throw new Unusable(`The workbook has no sheet “${mapping.sheet}”; its sheets are “${table.name}”. Nothing was imported.`);
    const use = mapping ?? defaultMapping(head[0] ?? []);
    if (!use) throw withSample(needMapping(table), sample);
    try {
      reader = tableReader(head[0] ?? [], use, sink);
      for (const cells of head.slice(1)) reader.row(cells);
    } catch (error) {
      throw withSample(error, sample);
    }
  };
  await streamCsv(path, (cells) => {
    if (reader) return reader.row(cells);
    if (kept) return void kept.push(cells);
    head.push(cells);
    if (head.length === 6) start();
  });
  if (!reader && !kept) start();
  if (kept) return whole(async () => readTables([{ name: 'Sheet1', rows: kept! }], mapping, 'csv'))(path, mapping, sink);
  try {
    return { rest: (reader as unknown as ReturnType<typeof tableReader>).finish(), sample };
  } catch (error) {
    throw withSample(error, sample!);
  }
}

/** An FtM entity stream a line at a time. */
async function streamFtm(path: string, _mapping: ImportMapping | null, sink: RecordSink): Promise<Streamed> {
  const reader = ftmReader(sink);
  await streamLines(path, reader.line);
  return { rest: reader.finish(), sample: null };
}

const sampleOf = (detected: ImportFormat, tables: Table[]): ImportSample => ({
  detected,
  sheets: tables.map((t) => ({ name: t.name, columns: t.rows[0] ?? [], rows: t.rows.slice(1, 6) })),
});

const needMapping = (t: Table) =>
  new MappingNeeded(
    `Say which columns name the two actors: “${t.name}” has no From and To columns (its columns are ${(t.rows[0] ?? []).map((h) => `“${h}”`).join(', ')}). Nothing was imported.`,
  );

/** Kumu's shape: an elements sheet (Label…) and/or a connections sheet (From, To…). */
function readKumu(tables: Table[]): Read {
  const elements = tables.find((t) => /element/i.test(t.name)) ?? tables.find(isKumuElements);
  const connections =
    tables.find((t) => /connection/i.test(t.name)) ?? tables.find((t) => t !== elements && defaultMapping(t.rows[0] ?? []) !== null);
  if (!elements && !connections)
    throw new Unusable(
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
    throw new Unusable(
      `The workbook has no sheet “${mapping?.sheet}”; its sheets are ${tables.map((t) => `“${t.name}”`).join(', ')}. Nothing was imported.`,
    );
  const sample = sampleOf(detected, tables);
  const use = mapping ?? defaultMapping(sheet.rows[0] ?? []);
  if (!use) throw Object.assign(needMapping(sheet), { sample });
  try {
    return { incoming: tableToIncoming(sheet, use), sample };
  } catch (error) {
    // The wizard still shows the columns of a table it could not use.
    if (error instanceof DomainError) Object.assign(error, { sample });
    throw error;
  }
}

/**
 * XLSX is read whole: a workbook is a zip whose sheets refer to a shared-strings part that
 * the zip may store after them, so even a streaming reader (exceljs has one) holds the sheets
 * until it has that part; and a workbook compresses text several times over, so the upload
 * limit bounds it more tightly than a CSV.
 */
export const formatHandlers: Record<ImportFormat, FormatHandler> = {
  csv: { kind: 'records', read: streamTable },
  xlsx: { kind: 'records', read: whole(async (bytes, mapping) => readTables(await readXlsx(bytes), mapping, 'xlsx')) },
  kumu: {
    kind: 'records',
    read: whole(async (bytes) => readKumu(bytes[0] === 0x50 && bytes[1] === 0x4b ? await readXlsx(bytes) : [readCsv(bytes)])),
  },
  ftm: { kind: 'records', read: streamFtm },
  littlesis: { kind: 'records', read: whole(async (bytes) => ({ incoming: littlesisToIncoming(utf8Text(bytes)), sample: null })) },
  sec13f: { kind: 'records', read: whole(async (bytes) => ({ incoming: sec13fToIncoming(await readSec13f(bytes)), sample: null })) },
  bods: { kind: 'records', read: whole(async (bytes) => ({ incoming: bodsToIncoming(utf8Text(bytes)), sample: null })) },
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

/** Where the plan's batches wait for the writing transaction: one JSON array a line. */
export interface PlanSpool {
  actors: string;
  relationships: string;
}

export const spoolOf = (path: string): PlanSpool => ({ actors: `${path}.actors`, relationships: `${path}.relationships` });

export type ImportTaskOutput =
  | { ok: true; plan: ImportPlan; sample: ImportSample | null; spool: PlanSpool }
  | { ok: false; failure: string; errors: ImportRowError[]; sample: ImportSample | null };

/** Batches appended to the spool files as the plan makes them. */
function spoolSink(spool: PlanSpool): PlanSink & { close(): void } {
  const actors = openSync(spool.actors, 'w', 0o600);
  const relationships = openSync(spool.relationships, 'w', 0o600);
  return {
    actors: (batch) => void writeSync(actors, `${batch}\n`),
    relationships: (batch) => void writeSync(relationships, `${batch}\n`),
    close() {
      closeSync(actors);
      closeSync(relationships);
    },
  };
}

/**
 * The worker thread's part of an import: read the file from disk, parse it, match it
 * against the workspace and check every record, spooling the records to write beside the
 * file (spoolOf) in batches. Failures come back as data, with the sample when there is one,
 * so that the wizard can show the columns it could not map.
 */
export async function runImportTask(input: ImportTaskInput): Promise<ImportTaskOutput> {
  const handler = formatHandlers[input.format];
  if (handler.kind !== 'records') return { ok: false, failure: `The ${input.format} format is not read here.`, errors: [], sample: null };
  const spool = spoolOf(input.path);
  const sink = spoolSink(spool);
  let ok = false;
  try {
    const planner = new ImportPlanner(input.snapshot, input.now, input.matches ?? {}, sink);
    const { rest, sample } = await handler.read(input.path, input.mapping, planner);
    const plan = planner.finish(rest);
    ok = true;
    return { ok: true, plan, sample, spool };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const extra = error.extra as { rowErrors?: ImportRowError[] };
    const sample = (error as DomainError & { sample?: ImportSample }).sample ?? null;
    return { ok: false, failure: error.message, errors: extra.rowErrors ?? [], sample };
  } finally {
    sink.close();
    if (!ok) for (const file of Object.values(spool)) rmSync(file, { force: true });
  }
}
