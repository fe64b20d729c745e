import { Unusable } from '../../domain/errors.js';
import JSZip from 'jszip';
import { utf8Text } from './table.js';
import { readXml } from './xml-leaves.js';

/** The cover and summary pages of a 13F filing (its primary document, edgarSubmission). */
export interface Sec13fCover {
  submissionType: string | null;
  cik: string | null;
  manager: string | null;
  /** ISO dates; EDGAR writes MM-DD-YYYY. */
  periodOfReport: string | null;
  reportCalendarOrQuarter: string | null;
  reportType: string | null;
  isAmendment: boolean;
  amendmentNo: string | null;
  amendmentType: 'RESTATEMENT' | 'NEW HOLDINGS' | null;
  signatureDate: string | null;
  tableEntryTotal: number | null;
  tableValueTotal: number | null;
  confidentialOmitted: boolean;
  line: number;
}

/** One row of the information table, as filed. */
export interface Sec13fRow {
  line: number;
  nameOfIssuer: string;
  titleOfClass: string;
  cusip: string;
  figi: string | null;
  value: string;
  amount: string;
  amountType: string;
  putCall: string | null;
  investmentDiscretion: string | null;
  otherManager: string | null;
  votingSole: string;
  votingShared: string;
  votingNone: string;
}

export interface Sec13fFiling {
  cover: Sec13fCover | null;
  rows: Sec13fRow[] | null;
  /** From EDGAR's submission header, when the file is the complete submission text. */
  accessionNumber: string | null;
  filingDate: string | null;
}

/** Rows one filing may hold; the largest managers file some tens of thousands. */
export const MAX_13F_ROWS = 100_000;
/** What the documents of one ZIP may inflate to: a compressed bomb stops here, not in memory. */
export const MAX_UNZIPPED_BYTES = 256 * 1024 * 1024;

/** A ZIP entry's bytes, counted as they inflate (its declared size may lie). */
function inflate(file: JSZip.JSZipObject, budget: number, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stream = file.nodeStream('nodebuffer');
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > budget) {
        stream.pause();
        reject(
          new Unusable(
            `The ZIP’s documents inflate to more than ${Math.round(limit / 1024 / 1024)} MB; a 13F filing is far smaller. Nothing was imported.`,
          ),
        );
        return;
      }
      chunks.push(chunk);
    });
    stream.on('error', (error: Error) => reject(new Unusable(`The ZIP could not be read (${error.message}). Nothing was imported.`)));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

const isoOf = (mdy: string | null) => {
  if (!mdy) return null;
  const m = /^(\d{2})-(\d{2})-(\d{4})$/.exec(mdy.trim());
  if (m) return `${m[3]}-${m[1]}-${m[2]}`;
  return /^\d{4}-\d{2}-\d{2}$/.test(mdy.trim()) ? mdy.trim() : null;
};

const count = (text: string) => (/^\d+$/.test(text) ? Number(text) : null);

const emptyRow = (line: number): Sec13fRow => ({
  line,
  nameOfIssuer: '',
  titleOfClass: '',
  cusip: '',
  figi: null,
  value: '',
  amount: '',
  amountType: '',
  putCall: null,
  investmentDiscretion: null,
  otherManager: null,
  votingSole: '',
  votingShared: '',
  votingNone: '',
});

/** Reads one XML document of a filing into `into`: a cover page, an information table, or both. */
function readDocument(text: string, into: Sec13fFiling, lineOffset: number, what: string) {
  let root: string | null = null;
  let row: Sec13fRow | null = null;
  let cover: Sec13fCover | null = null;
  let docType = '';
  readXml(
    text,
    {
      open(name, path, line) {
        if (path.length === 1) {
          root = name;
          if (name === 'edgarSubmission') {
            cover = {
              submissionType: null,
              cik: null,
              manager: null,
              periodOfReport: null,
              reportCalendarOrQuarter: null,
              reportType: null,
              isAmendment: false,
              amendmentNo: null,
              amendmentType: null,
              signatureDate: null,
              tableEntryTotal: null,
              tableValueTotal: null,
              confidentialOmitted: false,
              line,
            };
            into.cover = cover;
          } else if (name === 'informationTable') into.rows ??= [];
          else
            throw new Unusable(
              `${what} is not part of a 13F filing: it is a <${name}> document, not an edgarSubmission or an informationTable. Nothing was imported.`,
            );
        }
        if (name === 'infoTable' && root === 'informationTable') {
          if ((into.rows?.length ?? 0) >= MAX_13F_ROWS)
            throw new Unusable(`The information table has more than ${MAX_13F_ROWS} rows; split the filing. Nothing was imported.`);
          row = emptyRow(line);
        }
        if (name === 'document') docType = '';
      },
      close(name, path, text) {
        if (row && name === 'infoTable') {
          into.rows!.push(row);
          row = null;
          return;
        }
        if (row) {
          const parent = path.at(-2);
          if (name === 'nameOfIssuer') row.nameOfIssuer = text;
          else if (name === 'titleOfClass') row.titleOfClass = text;
          else if (name === 'cusip') row.cusip = text.toUpperCase();
          else if (name === 'figi') row.figi = text || null;
          else if (name === 'value') row.value = text;
          else if (name === 'sshPrnamt') row.amount = text;
          else if (name === 'sshPrnamtType') row.amountType = text.toUpperCase();
          else if (name === 'putCall') row.putCall = text || null;
          else if (name === 'investmentDiscretion') row.investmentDiscretion = text || null;
          else if (name === 'otherManager') row.otherManager = text || null;
          else if (parent === 'votingAuthority' && name === 'Sole') row.votingSole = text;
          else if (parent === 'votingAuthority' && name === 'Shared') row.votingShared = text;
          else if (parent === 'votingAuthority' && name === 'None') row.votingNone = text;
          return;
        }
        const c = cover as Sec13fCover | null;
        if (!c) return;
        const parent = path.at(-2);
        if (name === 'submissionType') c.submissionType = text;
        else if (name === 'cik' && parent === 'credentials' && path.includes('filer')) c.cik = text;
        else if (name === 'name' && parent === 'filingManager') c.manager = text;
        else if (name === 'periodOfReport') c.periodOfReport = isoOf(text);
        else if (name === 'reportCalendarOrQuarter') c.reportCalendarOrQuarter = isoOf(text);
        else if (name === 'reportType') c.reportType = text;
        else if (name === 'isAmendment') c.isAmendment = /^(true|y|yes|1)$/i.test(text);
        else if (name === 'amendmentNo') c.amendmentNo = text || null;
        else if (name === 'amendmentType')
          c.amendmentType = /restat/i.test(text) ? 'RESTATEMENT' : /new/i.test(text) ? 'NEW HOLDINGS' : null;
        else if (name === 'signatureDate') c.signatureDate = isoOf(text);
        else if (name === 'tableEntryTotal') c.tableEntryTotal = count(text);
        else if (name === 'tableValueTotal') c.tableValueTotal = count(text);
        else if (name === 'isConfidentialOmitted') c.confidentialOmitted = /^(true|y|yes|1)$/i.test(text);
        else if (name === 'conformedDocumentType') docType = text;
        else if (name === 'contents' && parent === 'document' && /information\s*table/i.test(docType)) {
          // EDGARLink Online submissions carry the information table inside the primary
          // document, base64-encoded, as the SEC's own samples do.
          readDocument(
            Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('utf8'),
            into,
            0,
            'The information table inside the submission',
          );
        }
      },
    },
    lineOffset,
    what,
  );
}

/**
 * A 13F filing in any of the shapes EDGAR hands out: the complete submission text file
 * (`0000950123-24-001234.txt`, the primary document and the information table in <XML>
 * blocks), a ZIP of the filing's XML documents, an EDGARLink submission with the table
 * embedded, or an information table alone (then the filer is unknown and the import says so).
 */
export async function readSec13f(bytes: Uint8Array, maxUnzipped = MAX_UNZIPPED_BYTES): Promise<Sec13fFiling> {
  const filing: Sec13fFiling = { cover: null, rows: null, accessionNumber: null, filingDate: null };
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(bytes);
    } catch (error) {
      throw new Unusable(`This ZIP could not be opened (${(error as Error).message}). Nothing was imported.`);
    }
    const files = Object.values(zip.files).filter((f) => !f.dir && /\.xml$/i.test(f.name));
    if (files.length > 20) throw new Unusable('A 13F ZIP holds the filing’s XML documents: at most 20 files. Nothing was imported.');
    let budget = maxUnzipped;
    for (const f of files) {
      const bytes = await inflate(f, budget, maxUnzipped);
      budget -= bytes.length;
      readDocument(utf8Text(bytes), filing, 0, `“${f.name.slice(0, 100)}”`);
    }
    return filing;
  }
  const text = utf8Text(bytes);
  if (/^\s*<SUBMISSION>|<SEC-DOCUMENT>|<SEC-HEADER>/.test(text.slice(0, 2000))) {
    filing.accessionNumber = /<ACCESSION-NUMBER>\s*([\d-]+)/.exec(text)?.[1] ?? /ACCESSION NUMBER:\s*([\d-]+)/.exec(text)?.[1] ?? null;
    const filed = /<FILING-DATE>\s*(\d{8})/.exec(text)?.[1] ?? /FILED AS OF DATE:\s*(\d{8})/.exec(text)?.[1];
    filing.filingDate = filed ? `${filed.slice(0, 4)}-${filed.slice(4, 6)}-${filed.slice(6)}` : null;
    const blocks = /<XML>([\s\S]*?)<\/XML>/g;
    let found = false;
    for (let m = blocks.exec(text); m; m = blocks.exec(text)) {
      found = true;
      const lead = /^\s*/.exec(m[1]!)![0];
      // Lines before the document, so that an error names the line of the whole file.
      const offset = (text.slice(0, m.index + '<XML>'.length) + lead).split('\n').length - 1;
      readDocument(m[1]!.slice(lead.length), filing, offset, 'A document of the submission');
    }
    if (!found)
      throw new Unusable(
        'This EDGAR submission holds no XML document: it is not a 13F filing in XML (filed since 2013). Nothing was imported.',
      );
    return filing;
  }
  readDocument(text, filing, 0, 'The file');
  return filing;
}
