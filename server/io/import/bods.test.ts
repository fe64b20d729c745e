import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { bodsToIncoming } from './bods.js';

const fixture = (name: string) => readFile(new URL(`../../../tests/fixtures/bods/${name}.json`, import.meta.url), 'utf8');

describe('BODS 0.4 statements', () => {
  it('reads the indirect-ownership example: the declared indirect share is kept as declared, not computed', async () => {
    const incoming = bodsToIncoming(await fixture('indirect-ownership'));
    expect(incoming.errors).toEqual([]);
    expect(incoming.actors.map((a) => [a.name, a.kind, a.externalIds])).toEqual([
      ['Company A', 'organization', { bods: 'ad3f6c2fcc9e', gb_coh: 'XE9999' }],
      ['Company B', 'organization', { bods: 'd4ab89ea169a', gb_coh: 'XE1010' }],
      ['Person 1', 'person', { bods: 'c25d4d612c2c' }],
    ]);
    const owns = incoming.ties.filter((t) => t.type === 'OWNERSHIP');
    expect(owns.map((t) => [t.from, t.to, t.fields.percent, t.fields.declared, t.fields.asOf])).toEqual([
      ['ext:bods:d4ab89ea169a', 'ext:bods:ad3f6c2fcc9e', 60, 'direct', '2018-12-17'],
      ['ext:bods:c25d4d612c2c', 'ext:bods:ad3f6c2fcc9e', 30, 'indirect', '2018-12-17'],
    ]);
    expect(incoming.ties.find((t) => t.type === 'INFLUENCE')?.fields.how).toBe('unknown interest');
    expect(incoming.warnings).toEqual([
      { row: 6, message: expect.stringMatching(/^Person 1 holds 30 % of Company A indirectly: declared, not computed/) },
    ]);
  });

  it('reads updates of a record as its latest statement: ranges of shares, votes, board seats and closed interests', async () => {
    const incoming = bodsToIncoming(await fixture('tecido'));
    expect(incoming.actors).toHaveLength(3);
    const maria = incoming.ties.filter((t) => t.from === 'ext:bods:018AF6B3EB');
    expect(
      maria.map((t) => [t.type, t.fields.basis ?? t.fields.title, t.fields.percent ?? null, t.fields.current, t.fields.endDate]),
    ).toEqual([
      ['POSITION', 'Board chair', null, false, '2023-03-03'],
      ['OWNERSHIP', 'equity', 30, false, '2023-03-03'],
      ['OWNERSHIP', 'voting', 30, false, '2023-03-03'],
    ]);
    const shear = incoming.ties.filter((t) => t.from === 'ext:bods:033E84672B');
    expect(shear.map((t) => [t.fields.basis, t.fields.percent, t.fields.startDate])).toEqual([
      ['equity', 80, '2023-03-01'],
      ['voting', 80, '2023-03-01'],
    ]);
  });

  it('reads JSON lines and share ranges with exclusive bounds', () => {
    const lines = [
      {
        statementId: 's1',
        recordId: 'e1',
        recordType: 'entity',
        statementDate: '2024-01-01',
        recordDetails: { name: 'Care Homes Ltd', entityType: { type: 'registeredEntity' } },
      },
      {
        statementId: 's2',
        recordId: 'p1',
        recordType: 'person',
        statementDate: '2024-01-01',
        recordDetails: { personType: 'knownPerson', names: [{ type: 'individual', fullName: 'Ann Lee' }] },
      },
      {
        statementId: 's3',
        recordId: 'r1',
        recordType: 'relationship',
        statementDate: '2024-01-01',
        recordDetails: {
          subject: 'e1',
          interestedParty: 'p1',
          interests: [
            { type: 'shareholding', directOrIndirect: 'direct', share: { exclusiveMinimum: 25, maximum: 50 } },
            { type: 'appointmentOfBoard', directOrIndirect: 'direct' },
          ],
        },
      },
    ]
      .map((s) => JSON.stringify(s))
      .join('\n');
    const incoming = bodsToIncoming(lines);
    expect(incoming.ties.map((t) => [t.type, t.fields.percentMin ?? t.fields.how, t.fields.percentMax ?? null])).toEqual([
      ['OWNERSHIP', 25, 50],
      ['INFLUENCE', 'appointment of board', null],
    ]);
    expect(incoming.ties[0]!.fields.description).toContain('more than 25 % and at most 50 %');
  });

  it('says which statements are not BODS 0.4', () => {
    const incoming = bodsToIncoming(
      JSON.stringify([
        { statementID: 'x', statementType: 'entityStatement', name: 'Old' },
        { recordId: 'e1', recordType: 'entity', recordDetails: { name: 'New' } },
      ]),
    );
    expect(incoming.errors).toEqual([{ row: 1, message: expect.stringContaining('BODS 0.2 or 0.3') }]);
    expect(() => bodsToIncoming('[{"statementType": "entityStatement"}]')).toThrow(/no BODS 0.4 statement/);
  });
});
