import type { ImportFormat } from '../../../api/domain';

/** The format a file most likely is, from its name and first bytes (the user may change it). */
export async function detectFormat(file: File): Promise<ImportFormat> {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xlsx')) return 'xlsx';
  // EDGAR's filings: a ZIP of the XML documents, or the complete submission text file.
  if (name.endsWith('.zip')) return 'sec13f';
  const head = await file.slice(0, 4096).text();
  if (/^\s*<SUBMISSION>|<SEC-HEADER>|edgar\/thirteenffiler|thirteenf\/informationtable/.test(head)) return 'sec13f';
  if (/\.(csv|tsv|txt)$/.test(name)) return 'csv';
  if (/"recordType"\s*:|"recordDetails"\s*:/.test(head)) return 'bods';
  if (/^\s*\{[^\n]*"schema"\s*:/.test(head)) return 'ftm';
  if (/"format"\s*:\s*"powermap-backup"/.test(head)) return 'backup';
  if (/^\s*[[{]/.test(head)) return 'littlesis';
  return 'csv';
}

/** The key under which a mapping is saved: the shape of the file's header. */
export const shapeKey = (columns: string[]) => `powermap.import.mapping.${columns.map((c) => c.trim().toLowerCase()).join('|')}`;
