import ExcelJS from 'exceljs';
import { CsvError, parse } from 'csv-parse/sync';
import { Problem } from '../../http/problem.js';

/** A sheet as text cells; rows[0] is the header, and row i is the file's row i + 1. */
export interface Table {
  name: string;
  rows: string[][];
}

const refuse = (detail: string) => new Problem(422, 'Unreadable file', `${detail} Nothing was imported.`);

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
    const bad = firstInvalidUtf8(bytes);
    const line = bytes.subarray(0, bad).reduce((n, b) => n + (b === 0x0a ? 1 : 0), 1);
    const printable = bytes
      .subarray(0, Math.min(bytes.length, 4096))
      .filter((b) => b >= 0x20 || b === 0x09 || b === 0x0a || b === 0x0d).length;
    if (printable < Math.min(bytes.length, 4096) * 0.9)
      throw refuse('This is not a text file (it holds binary data); choose a CSV, an XLSX workbook or a JSON file.');
    throw refuse(
      `The file is not UTF-8 text: line ${line} holds a byte that UTF-8 does not allow (it was probably saved as Windows-1252 or Latin-1). Save it again as “CSV UTF-8”.`,
    );
  }
  if (text.includes('\u0000'))
    throw refuse('This is not a text file (it holds binary data); choose a CSV, an XLSX workbook or a JSON file.');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
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
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw refuse(`The CSV cannot be read${line ? ` at line ${line}` : ''}: ${error.message.replace(/^Invalid [^:]*: /, '')}`);
    }
    throw error;
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
    throw new Problem(
      422,
      'Unreadable file',
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
