import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/errors.js';
import { readSec13f } from './sec13f-read.js';
import { sec13fToIncoming, valueInThousands } from './sec13f.js';

const fixture = (name: string) => readFile(new URL(`../../../tests/fixtures/sec13f/${name}`, import.meta.url));

const NS = 'http://www.sec.gov/edgar/document/thirteenf/informationtable';
const cover = (extra = '', period = '03-31-2024') => `<?xml version="1.0"?>
<edgarSubmission xmlns="http://www.sec.gov/edgar/thirteenffiler">
  <headerData><submissionType>13F-HR</submissionType><filerInfo><filer><credentials><cik>0000102909</cik></credentials></filer>
  <periodOfReport>${period}</periodOfReport></filerInfo></headerData>
  <formData><coverPage><reportCalendarOrQuarter>${period}</reportCalendarOrQuarter>${extra}
  <filingManager><name>Example Pension Trust</name></filingManager><reportType>13F HOLDINGS REPORT</reportType></coverPage>
  <summaryPage><tableEntryTotal>3</tableEntryTotal><tableValueTotal>3500</tableValueTotal></summaryPage></formData>
</edgarSubmission>`;
const row = (name: string, cusip: string, value: number, shares: number, more = '') =>
  `<n1:infoTable><n1:nameOfIssuer>${name}</n1:nameOfIssuer><n1:titleOfClass>COM</n1:titleOfClass><n1:cusip>${cusip}</n1:cusip>
  <n1:value>${value}</n1:value><n1:shrsOrPrnAmt><n1:sshPrnamt>${shares}</n1:sshPrnamt><n1:sshPrnamtType>SH</n1:sshPrnamtType></n1:shrsOrPrnAmt>${more}
  <n1:investmentDiscretion>SOLE</n1:investmentDiscretion><n1:votingAuthority><n1:Sole>${shares}</n1:Sole><n1:Shared>0</n1:Shared><n1:None>0</n1:None></n1:votingAuthority></n1:infoTable>`;
const table = (...rows: string[]) =>
  `<?xml version="1.0"?>\n<n1:informationTable xmlns:n1="${NS}">\n${rows.join('\n')}\n</n1:informationTable>`;

async function zipOf(files: Record<string, string>) {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return zip.generateAsync({ type: 'uint8array' });
}

describe('13F filings', () => {
  it('reads the SEC’s sample submission, its embedded table in thousands and its placeholder totals', async () => {
    const filing = await readSec13f(await fixture('Sample_13F-HR.xml'));
    expect(filing.cover).toMatchObject({
      cik: '0123456789',
      manager: 'BIG FUND TRUST inc',
      periodOfReport: '2021-12-31',
      tableEntryTotal: 111,
    });
    expect(filing.rows).toHaveLength(169);
    const incoming = sec13fToIncoming(filing);
    expect(incoming.errors).toEqual([]);
    expect(incoming.ties).toHaveLength(169);
    const att = incoming.ties.find((t) => t.fields.shares === 79296)!;
    expect(att.fields).toMatchObject({ value: 7_454_547_777_000, currency: 'USD', asOf: '2021-12-31', basis: 'equity' });
    // Alphabet's class A and class C are one issuer (CUSIP 02079K).
    const alphabet = incoming.actors.filter((a) => a.externalIds.cusip6 === '02079K');
    expect(alphabet).toHaveLength(1);
    expect(incoming.warnings.map((w) => w.message)).toEqual([
      expect.stringContaining('thousands'),
      'The summary page declares 111 entries; the information table has 169.',
      expect.stringMatching(/declares a total value of \$111,000; the rows .* add up to \$7,454,702,899,000/),
      'ALPHABET INC has the issuer number 02079K of AT&T INC (CUSIP 02079K107): read as the same issuer; check the CUSIP',
    ]);
  });

  it('reads a complete submission text file filed in 2025 in dollars, with its accession number as the source', async () => {
    const filing = await readSec13f(await fixture('0001951757-25-000093.txt'));
    expect(filing).toMatchObject({ accessionNumber: '0001951757-25-000093', filingDate: '2025-01-22' });
    const incoming = sec13fToIncoming(filing);
    expect(incoming.ties).toHaveLength(77);
    expect(incoming.ties[0]!.fields.value).toBe(406_755);
    expect(incoming.warnings).toEqual([]);
    expect(incoming.sources[0]!.url).toBe('https://www.sec.gov/Archives/edgar/data/1994827/000195175725000093/');
    expect(incoming.actors[0]).toMatchObject({ name: 'ACORN CREEK CAPITAL LLC', externalIds: { cik: '0001994827' } });
  });

  it('switches from thousands to dollars by the date of filing', () => {
    expect(valueInThousands({ filingDate: '2023-01-02' }, { signatureDate: null, periodOfReport: '2022-09-30' })).toBe(true);
    expect(valueInThousands({ filingDate: '2023-02-14' }, { signatureDate: null, periodOfReport: '2022-12-31' })).toBe(false);
    // An amendment of an old quarter filed after the change is in dollars.
    expect(valueInThousands({ filingDate: null }, { signatureDate: '2023-05-01', periodOfReport: '2021-12-31' })).toBe(false);
    expect(valueInThousands({ filingDate: null }, { signatureDate: null, periodOfReport: '2022-09-30' })).toBe(true);
    expect(valueInThousands({ filingDate: null }, { signatureDate: null, periodOfReport: '2022-12-31' })).toBe(false);
  });

  it('reads a ZIP of the two documents; leaves options out with a warning; restatements replace', async () => {
    const bytes = await zipOf({
      'primary_doc.xml': cover(
        '<isAmendment>true</isAmendment><amendmentNo>1</amendmentNo><amendmentInfo><amendmentType>RESTATEMENT</amendmentType></amendmentInfo>',
      ),
      'infotable.xml': table(
        row('ACME CORP', '000360206', 1000, 10),
        row('ACME CORP', '000360206', 500, 5, '<n1:putCall>Put</n1:putCall>'),
        row('BETA INC', '08662Q103', 2000, 20),
      ),
    });
    const incoming = sec13fToIncoming(await readSec13f(bytes));
    expect(incoming.ties.map((t) => [t.to, t.fields.shares, t.fields.value])).toEqual([
      ['ext:cusip6:000360', 10, 1000],
      ['ext:cusip6:08662Q', 20, 2000],
    ]);
    expect(incoming.skipped).toBe(1);
    expect(incoming.restates).toEqual([{ from: 'ext:cik:0000102909', asOf: '2024-03-31' }]);
    expect(incoming.warnings.map((w) => w.message)).toEqual([expect.stringContaining('Put options on ACME CORP')]);
  });

  it('names the line of malformed XML, and asks for the cover page of a table alone', async () => {
    const broken = cover().replace('</filingManager>', '</filingManagr>');
    const error = await readSec13f(Buffer.from(broken)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).kind).toBe('unusable');
    expect((error as DomainError).message).toMatch(/not well-formed XML: line 6:/);
    const alone = await readSec13f(Buffer.from(table(row('ACME CORP', '000360206', 1000, 10))));
    expect(() => sec13fToIncoming(alone)).toThrow(/information table alone/);
  });

  it('expands no entity a document declares', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE informationTable [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>
<informationTable xmlns="${NS}"><infoTable><nameOfIssuer>&b;</nameOfIssuer></infoTable></informationTable>`;
    const read = await readSec13f(Buffer.from(laughs)).then(
      (f) => f.rows?.[0]?.nameOfIssuer ?? '',
      (e: unknown) => (e as Error).message,
    );
    expect(read).not.toContain('hahaha');
  });

  it('stops a ZIP that inflates beyond a filing’s size', async () => {
    const zip = new JSZip();
    zip.file('bomb.xml', `<informationTable xmlns="${NS}">${' '.repeat(3 * 1024 * 1024)}</informationTable>`);
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bytes.length).toBeLessThan(50_000);
    await expect(readSec13f(bytes, 2 * 1024 * 1024)).rejects.toThrow(/inflate to more than 2 MB/);
  });

  it('fails rows with a bad CUSIP or value', async () => {
    const bytes = await zipOf({
      'a.xml': cover(),
      'b.xml': table(row('ACME CORP', '12345', 1000, 10), row('BETA INC', '08662Q103', Number.NaN, 20)),
    });
    const incoming = sec13fToIncoming(await readSec13f(bytes));
    expect(incoming.errors.map((e) => e.column)).toEqual(['cusip', 'value']);
  });
});
