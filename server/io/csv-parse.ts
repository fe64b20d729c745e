import { readCsv } from './import/table.js';

/**
 * CSV text as records by header (csv-parse underneath: quoted fields, doubled quotes,
 * newlines inside quotes, a BOM, and `,` `;` or tab as the separator, detected).
 */
export function parseCsv(text: string): Record<string, string>[] {
  if (!text.trim()) return [];
  const [header = [], ...body] = readCsv(Buffer.from(text, 'utf8')).rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}
