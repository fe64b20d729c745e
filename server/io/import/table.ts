import { Unusable } from '../../domain/errors.js';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { parse as parseStream } from 'csv-parse';
import { CsvError, parse } from 'csv-parse/sync';

/** A sheet as text cells; rows[0] is the header, and row i is the file's row i + 1. */
export interface Table {
  name: string;
  rows: string[][];
}

const refuse = (detail: string) => new Unusable(`${detail} Nothing was imported.`);

/**
 * The file as UTF-8 text, or a sentence saying why not: binary junk, or text in another
 * encoding (a spreadsheet saved as "CSV (Windows)" is Windows-1252, whose accents are not
 * valid UTF-8), named with the line where it first goes wrong.
 */
export function utf8Text(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw notUtf8(bytes, bytes, 1);
  }
  if (text.includes('\u0000')) throw notText();
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const notText = () => refuse('This is not a text file (it holds binary data); choose a CSV, an XLSX workbook or a JSON file.');

/** Why bytes that do not decode were refused: binary (judged by the file's start) or another encoding, on which line. */
function notUtf8(start: Uint8Array, bytes: Uint8Array, firstLine: number) {
  const bad = firstInvalidUtf8(bytes);
  const line = bytes.subarray(0, bad).reduce((n, b) => n + (b === 0x0a ? 1 : 0), firstLine);
  const head = start.subarray(0, Math.min(start.length, 4096));
  const printable = head.filter((b) => b >= 0x20 || b === 0x09 || b === 0x0a || b === 0x0d).length;
  if (printable < head.length * 0.9) return notText();
  return refuse(
    `The file is not UTF-8 text: line ${line} holds a byte that UTF-8 does not allow (it was probably saved as Windows-1252 or Latin-1). Save it again as “CSV UTF-8”.`,
  );
}

/**
 * A file's text in pieces as it is read from disk (64 KB at a time), checked as it goes the
 * way utf8Text checks a whole file: refused as binary or as another encoding, naming the line.
 */
export async function* utf8Chunks(path: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start: Uint8Array | null = null;
  let line = 1;
  for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 }) as AsyncIterable<Buffer>) {
    const first: boolean = start === null;
    start ??= Uint8Array.from(chunk.subarray(0, 4096));
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      // A character split across two pieces ends with bytes that continue it: skip those.
      let from = 0;
      while (from < 3 && ((chunk[from] ?? 0) & 0xc0) === 0x80) from++;
      throw notUtf8(start, chunk.subarray(from), line + chunk.subarray(0, from).filter((b) => b === 0x0a).length);
    }
    if (text.includes('\u0000')) throw notText();
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    for (const b of chunk) if (b === 0x0a) line++;
    if (text) yield text;
  }
  let tail: string;
  try {
    tail = decoder.decode();
  } catch {
    throw notUtf8(start ?? new Uint8Array(), new Uint8Array([0xff]), line);
  }
  if (tail) yield tail;
}

/** A text file's lines as they are read (numbered from 1), for line-per-record formats. */
export async function streamLines(path: string, onLine: (line: string, number: number) => void): Promise<void> {
  const lines = createInterface({ input: Readable.from(utf8Chunks(path)), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) onLine(line, ++n);
}

/**
 * Reads a CSV file a row at a time, as readCsv reads it whole (the same options, the
 * separator detected from the header line): `onRow` has each row as it is parsed, so that
 * memory holds one piece of the file and the rows not yet handed on, whatever its size.
 */
export async function streamCsv(path: string, onRow: (cells: string[]) => void): Promise<void> {
  const chunks = utf8Chunks(path);
  const first = await chunks.next();
  if (first.done) throw refuse('The file is empty.');
  async function* all() {
    yield first.value as string;
    yield* chunks;
  }
  let rows = 0;
  try {
    await pipeline(
      Readable.from(all()),
      parseStream({ delimiter: detectDelimiter(first.value as string), relax_column_count: true, skip_empty_lines: true, trim: false }),
      async (records: AsyncIterable<string[]>) => {
        for await (const record of records) {
          rows++;
          onRow(record);
        }
      },
    );
  } catch (error) {
    throw csvProblem(error);
  }
  if (!rows) throw refuse('The file is empty.');
}

function csvProblem(error: unknown) {
  if (!(error instanceof CsvError)) return error;
  const line = (error as CsvError & { lines?: number }).lines;
  return refuse(`The CSV cannot be read${line ? ` at line ${line}` : ''}: ${error.message.replace(/^Invalid [^:]*: /, '')}`);
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >> 5 === 0b110 ? 2 : b >> 4 === 0b1110 ? 3 : b >> 3 === 0b11110 ? 4 : 0;
    if (!len) return i;
    for (let k = 1; k < len; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += len;
  }
  return bytes.length;
}

/** The separator of the header line: the one of `,` `;` tab that occurs most outside quotes. */
export function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length && i < 64_000; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c in counts) counts[c]!++;
  }
  const [best, n] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]!;
  return n > 0 ? best : ',';
}

/** Reads CSV (UTF-8 with or without BOM; `,` `;` or tab; quoted fields with newlines). */
export function readCsv(bytes: Uint8Array, name = 'Sheet1'): Table {
  const text = utf8Text(bytes);
  let rows: string[][];
  try {
    rows = parse(text, { delimiter: detectDelimiter(text), relax_column_count: true, skip_empty_lines: true, trim: false }) as string[][];
  } catch (error) {
    throw csvProblem(error);
  }
  if (!rows.length) throw refuse('The file is empty.');
  return { name, rows };
}

/**
 * Reads every sheet of an XLSX workbook (exceljs: MIT, maintained on npm; SheetJS's npm
 * package stopped at 0.18.5 with known advisories, newer builds only from its own CDN).
 * A formula is refused rather than read as its cached result, which Excel may not have
 * computed (files written by scripts) and which would silently import a stale number.
 */
export async function readXlsx(bytes: Uint8Array): Promise<Table[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw refuse('This is not an XLSX workbook that can be opened (an .xls from old Excel? Save it as .xlsx or CSV).');
  }
  const tables: Table[] = [];
  for (const sheet of workbook.worksheets) {
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cellText(cell.value, sheet.name, rowNumber, cell.address);
      });
      rows[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
    });
    tables.push({ name: sheet.name, rows: Array.from(rows, (r) => r ?? []) });
  }
  if (!tables.some((t) => t.rows.length)) throw refuse('The workbook has no rows.');
  return tables;
}

function cellText(value: ExcelJS.CellValue, sheet: string, row: number, address: string): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  if ('formula' in value || 'sharedFormula' in value) {
    throw new Unusable(
      `Sheet "${sheet}", row ${row}, cell ${address} holds a formula; paste the values instead (copy, then Paste Special → Values). Nothing was imported.`,
      {
        errors: [{ path: `${sheet}.row ${row}.${address}`, message: 'holds a formula' }],
        rowErrors: [{ row, column: address, message: 'holds a formula; paste values instead' }],
      },
    );
  }
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return String(value.text ?? value.hyperlink);
  if ('error' in value) return '';
  return String(value);
}
