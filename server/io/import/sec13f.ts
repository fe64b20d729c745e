import { Unusable } from '../../domain/errors.js';
import type { ImportWarning } from '../../domain/import-job.js';
import { emptyIncoming, type Incoming } from './incoming.js';
import { nameKey } from './names.js';
import type { Sec13fCover, Sec13fFiling, Sec13fRow } from './sec13f-read.js';

/**
 * Form 13F values were reported in thousands of dollars until the SEC's amendments of 2022
 * (Release 34-95148): every 13F filed on or after 3 January 2023 — amendments of older
 * quarters included — reports value rounded to the nearest dollar. What decides is the date
 * of filing: EDGAR's header gives it in a complete submission; otherwise the cover's
 * signature date (a filing is signed when it is filed) and, failing that, the period (the
 * first reports filed after the change were those for 31 December 2022).
 */
export const DOLLARS_FROM = '2023-01-03';
const FIRST_PERIOD_IN_DOLLARS = '2022-12-31';

export function valueInThousands(
  filing: Pick<Sec13fFiling, 'filingDate'>,
  cover: Pick<Sec13fCover, 'signatureDate' | 'periodOfReport'>,
): boolean {
  const filed = filing.filingDate ?? cover.signatureDate;
  if (filed) return filed < DOLLARS_FROM;
  return (cover.periodOfReport ?? FIRST_PERIOD_IN_DOLLARS) < FIRST_PERIOD_IN_DOLLARS;
}

const SEC = 'U.S. Securities and Exchange Commission';
/** Warnings listed one by one before the rest are summed up in one line. */
const MAX_ROW_WARNINGS = 50;

const cusipPattern = /^[0-9A-Z*@#]{8}[0-9]$/;
const whole = (text: string) => (/^\d+(\.\d+)?$/.test(text) ? Number(text) : null);
const usd = (n: number) => `$${Math.round(n).toLocaleString('en-US')}`;
const num = (n: number) => n.toLocaleString('en-US');

/** The filing's page on EDGAR: its folder when the accession number is known, else the filer's list of 13F reports. */
function filingUrl(filing: Sec13fFiling, cik: string): string {
  const plain = String(Number(cik));
  return filing.accessionNumber
    ? `https://www.sec.gov/Archives/edgar/data/${plain}/${filing.accessionNumber.replace(/-/g, '')}/`
    : `https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=${cik}&type=13F-HR`;
}

function describe(row: Sec13fRow, period: string, form: string): string {
  const voting = [row.votingSole, row.votingShared, row.votingNone].every((v) => v !== '')
    ? `; voting authority: sole ${num(Number(row.votingSole))}, shared ${num(Number(row.votingShared))}, none ${num(Number(row.votingNone))}`
    : '';
  const discretion = row.investmentDiscretion ? `; investment discretion ${row.investmentDiscretion}` : '';
  const others = row.otherManager ? ` (with other managers ${row.otherManager})` : '';
  return `${form} for ${period}: ${row.titleOfClass || 'shares'} (CUSIP ${row.cusip})${discretion}${others}${voting}.`;
}

/**
 * A 13F-HR as actors and ties: the filing manager (external id `cik`) holds each issuer
 * (external ids `cusip6`, the issuer's six characters of the CUSIP, and `cusip`, the first
 * security seen), one OWNERSHIP tie per row of the information table, as of the period.
 *
 * Basis: `equity`. A row lists shares over which the manager has investment discretion;
 * its voting authority (sole, shared, none) is often smaller and says nothing about whose
 * votes these are, so it is kept in the tie's description rather than read as a voting stake.
 * Rows of options (putCall) and of principal amounts (PRN: notes, not shares) are not
 * ownership: they are left out, counted as skipped and listed as warnings.
 */
export function sec13fToIncoming(filing: Sec13fFiling): Incoming {
  const cover = filing.cover;
  const rows = filing.rows;
  if (!cover) {
    throw new Unusable(
      rows
        ? 'This is an information table alone: it does not say who filed it or for which quarter. Import the whole filing — EDGAR’s complete submission text file (.txt), or a ZIP of primary_doc.xml and the information table. Nothing was imported.'
        : 'This file holds no 13F cover page and no information table. Nothing was imported.',
    );
  }
  const form = cover.submissionType ?? '13F-HR';
  if (!rows) {
    const notice = /NOTICE/i.test(cover.reportType ?? '') || /NT/.test(form);
    throw new Unusable(
      notice
        ? `This ${form} is a notice: the holdings are reported by other managers, and it has no information table. Nothing was imported.`
        : 'This filing’s information table is not in the file: import the complete submission text file (.txt) or a ZIP with both documents. Nothing was imported.',
    );
  }
  const missing = [
    !cover.cik && 'the filer’s CIK',
    !cover.manager && 'the filing manager’s name',
    !cover.periodOfReport && 'the period of report',
  ].filter(Boolean);
  if (missing.length)
    throw new Unusable(`The cover page does not give ${missing.join(', ')}. Nothing was imported.`, {
      rowErrors: [{ row: cover.line, message: `no ${missing.join(', ')}` }],
    });

  const out = emptyIncoming();
  const cik = cover.cik!.padStart(10, '0');
  const period = cover.periodOfReport!;
  const holder = `ext:cik:${cik}`;
  const url = filingUrl(filing, cik);
  const thousands = valueInThousands(filing, cover);
  const scale = thousands ? 1000 : 1;
  out.totalRows = rows.length;
  out.actors.push({
    ref: holder,
    row: cover.line,
    name: cover.manager!.slice(0, 200),
    kind: 'organization',
    sector: 'finance',
    externalIds: { cik },
    links: [url],
  });
  out.sources.push({ url, title: `${form} of ${cover.manager} for ${period}`.slice(0, 200), publisher: SEC });

  const warnings: ImportWarning[] = [];
  const rowWarnings: ImportWarning[] = [];
  /** Issuers by their six CUSIP characters, with the name first seen; other names filed under one. */
  const issuers = new Map<string, string>();
  const renamed = new Set<string>();
  let reported = 0;
  for (const row of rows) {
    const value = whole(row.value);
    if (value === null)
      out.errors.push({ row: row.line, column: 'value', message: `value “${row.value.slice(0, 40)}” is not a number of dollars` });
    else reported += value;
    if (!cusipPattern.test(row.cusip)) {
      out.errors.push({ row: row.line, column: 'cusip', message: `“${row.cusip.slice(0, 20)}” is not a CUSIP (nine letters and digits)` });
      continue;
    }
    if (!row.nameOfIssuer) {
      out.errors.push({ row: row.line, column: 'nameOfIssuer', message: 'the row names no issuer' });
      continue;
    }
    if (row.putCall) {
      out.skipped++;
      rowWarnings.push({ row: row.line, message: `${row.putCall} options on ${row.nameOfIssuer}: an option is not ownership; left out` });
      continue;
    }
    if (row.amountType === 'PRN') {
      out.skipped++;
      rowWarnings.push({
        row: row.line,
        message: `${row.nameOfIssuer} ${row.titleOfClass}: a principal amount (a note, not shares); left out`,
      });
      continue;
    }
    const shares = whole(row.amount);
    if (shares === null) {
      out.errors.push({ row: row.line, column: 'sshPrnamt', message: `“${row.amount.slice(0, 40)}” is not a number of shares` });
      continue;
    }
    if (value === null) continue;
    const issuer = `ext:cusip6:${row.cusip.slice(0, 6)}`;
    const named = issuers.get(issuer);
    if (named && nameKey(named) !== nameKey(row.nameOfIssuer) && !renamed.has(`${issuer}\u0000${row.nameOfIssuer}`)) {
      renamed.add(`${issuer}\u0000${row.nameOfIssuer}`);
      rowWarnings.push({
        row: row.line,
        message: `${row.nameOfIssuer} has the issuer number ${row.cusip.slice(0, 6)} of ${named} (CUSIP ${row.cusip}): read as the same issuer; check the CUSIP`,
      });
    }
    if (!named) {
      issuers.set(issuer, row.nameOfIssuer);
      out.actors.push({
        ref: issuer,
        row: row.line,
        name: row.nameOfIssuer.slice(0, 200),
        kind: 'organization',
        sector: 'corporate',
        externalIds: { cusip6: row.cusip.slice(0, 6), cusip: row.cusip },
      });
    }
    out.ties.push({
      row: row.line,
      from: holder,
      to: issuer,
      type: 'OWNERSHIP',
      fields: {
        shares,
        value: value * scale,
        currency: 'USD',
        basis: 'equity',
        declared: 'direct',
        asOf: period,
        description: describe(row, period, form),
      },
      sourceUrls: [url],
    });
  }

  if (thousands)
    warnings.push({
      message: `Values were filed in thousands of dollars (filed before ${DOLLARS_FROM}); they are stored in dollars, multiplied by 1,000.`,
    });
  const reportedDollars = reported * scale;
  if (cover.tableEntryTotal !== null && cover.tableEntryTotal !== rows.length)
    warnings.push({
      row: cover.line,
      message: `The summary page declares ${num(cover.tableEntryTotal)} entries; the information table has ${num(rows.length)}.`,
    });
  // Each row is rounded on its own: the sum may differ from the total by a unit per row.
  if (cover.tableValueTotal !== null && Math.abs(cover.tableValueTotal - reported) > Math.max(1, rows.length))
    warnings.push({
      row: cover.line,
      message: `The summary page declares a total value of ${usd(cover.tableValueTotal * scale)}; the rows of the information table add up to ${usd(reportedDollars)}.`,
    });
  if (cover.confidentialOmitted)
    warnings.push({
      row: cover.line,
      message: 'The filer omitted holdings under a request for confidential treatment: the table is not the whole portfolio.',
    });
  if (cover.isAmendment && cover.amendmentType === 'RESTATEMENT') out.restates.push({ from: holder, asOf: period });
  if (cover.isAmendment && cover.amendmentType !== 'RESTATEMENT')
    warnings.push({
      row: cover.line,
      message: `This amendment${cover.amendmentNo ? ` (no. ${cover.amendmentNo})` : ''} reports new holdings: they are added to those already recorded for ${period}.`,
    });
  out.warnings = [
    ...warnings,
    ...rowWarnings.slice(0, MAX_ROW_WARNINGS),
    ...(rowWarnings.length > MAX_ROW_WARNINGS
      ? [{ message: `${rowWarnings.length - MAX_ROW_WARNINGS} more rows left out as above.` }]
      : []),
  ];
  return out;
}
