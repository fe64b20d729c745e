import { describe, expect, it } from 'vitest';
import { complete, parseQuickAdd, tieFields, type KnownActor } from './quick-add';

const known: KnownActor[] = [
  { id: 'hp', name: 'Harbor Point', kind: 'organization' },
  { id: 'md', name: 'Maria Delgado', kind: 'person' },
  { id: 'sb', name: 'School Board', kind: 'organization' },
];

describe('the quick-add line', () => {
  it('reads an actor with kind, role and power', () => {
    const r = parseQuickAdd('Maria Delgado, person, decision-maker, power 5', []);
    expect(r).toEqual({
      kind: 'actor',
      problems: [],
      actor: {
        kind: 'person',
        name: 'Maria Delgado',
        organized: false,
        roles: ['decision_maker'],
        power: 5,
        alignment: null,
        sector: null,
        tags: [],
      },
    });
  });

  it('reads short forms, organised groups, sectors, tags and stance words', () => {
    const r = parseQuickAdd('Nurses Union, group, base, labor, p3, a+3, #healthcare', []);
    expect(r?.kind === 'actor' && r.actor).toMatchObject({
      kind: 'organization',
      organized: true,
      roles: ['base'],
      sector: 'labor',
      power: 3,
      alignment: 3,
      tags: ['healthcare'],
    });
    const spaced = parseQuickAdd('Rosa Diaz, person dm p4 opposed', []);
    expect(spaced?.kind === 'actor' && spaced.actor).toMatchObject({ roles: ['decision_maker'], power: 4, alignment: -2 });
  });

  it('takes "ally" and "opponent" as where the actor stands unless a number says otherwise', () => {
    const ally = parseQuickAdd('Parents United, org, ally', []);
    expect(ally?.kind === 'actor' && ally.actor).toMatchObject({ roles: ['ally'], alignment: 2 });
    const opp = parseQuickAdd('Harbor Point, org, opponent, alignment -3', []);
    expect(opp?.kind === 'actor' && opp.actor).toMatchObject({ roles: ['opponent'], alignment: -3 });
  });

  it('says in words what it did not understand', () => {
    const r = parseQuickAdd('Maria Delgado, person, power 9, mayorish', []);
    expect(r?.problems).toEqual([
      'Power is 0 to 5, not 9.',
      '“mayorish” is not a kind, a role, a sector, “power 0–5” or “alignment −3…+3”.',
    ]);
    expect(parseQuickAdd(', person', [])?.problems).toContain('Start with the name, then a comma.');
  });

  it('reads a cited donation with amount, date and source', () => {
    const r = parseQuickAdd('Harbor Point → Maria Delgado donation $5,000 2024-03-01 https://example.org/filing', known);
    expect(r).toMatchObject({
      kind: 'tie',
      problems: [],
      tie: { type: 'DONATION', from: 'hp', to: 'md', amount: 5000, currency: 'USD', date: '2024-03-01', url: 'https://example.org/filing' },
    });
    if (r?.kind !== 'tie' || !r.tie) throw new Error('no tie');
    expect(tieFields(r.tie)).toEqual({
      type: 'DONATION',
      from: 'hp',
      to: 'md',
      amount: 5000,
      currency: 'USD',
      date: '2024-03-01',
      startDate: '2024-03-01',
    });
  });

  it('accepts "->", name prefixes, a bare domain, amounts like 25k EUR and a second date as the end', () => {
    const r = parseQuickAdd('harbor -> school board contract 25k EUR 2023-01-01 2024-06-30 example.org/deal', known);
    expect(r).toMatchObject({
      problems: [],
      tie: { type: 'TRANSACTION', from: 'hp', to: 'sb', amount: 25000, currency: 'EUR', date: '2023-01-01', endDate: '2024-06-30' },
    });
    expect(r?.kind === 'tie' && r.tie?.url).toBe('https://example.org/deal');
  });

  it('names unknown actors, a missing type, impossible dates, leftovers and ends the type does not allow', () => {
    const r = parseQuickAdd('Harbor Point -> Rosa Diaz', known);
    expect(r?.kind === 'tie' && r.tie).toBe(null);
    expect(r?.problems[0]).toBe('No actor called “Rosa Diaz” on this map: add it first (“Rosa Diaz, person”).');
    expect(r?.problems[1]).toMatch(/^Say what kind of tie it is/);
    expect(parseQuickAdd('Harbor Point -> Maria Delgado donation 2024-02-30 soon', known)?.problems).toEqual([
      '“2024-02-30” is not a date on the calendar (year-month-day).',
      '“soon” is not a date (2024-03-01), an amount ($5,000) or a source link.',
    ]);
    expect(parseQuickAdd('Harbor Point -> Maria Delgado family', known)?.problems).toEqual([expect.stringMatching(/^Family: /)]);
    expect(parseQuickAdd('Harbor Point -> Maria Delgado influences $40', known)?.problems).toEqual(['Influence ties have no amount.']);
  });

  it('is not a quick-add without a comma or an arrow (the palette searches commands instead)', () => {
    expect(parseQuickAdd('layout', known)).toBe(null);
  });
});

describe('type-ahead', () => {
  it('completes a known name into the start of a tie, the far end, then the type', () => {
    expect(complete('Har', known)[0]!.line).toBe('Harbor Point -> ');
    expect(complete('Harbor Point -> Mar', known)[0]!.line).toBe('Harbor Point -> Maria Delgado ');
    expect(complete('Harbor Point -> Maria Delgado don', known).map((c) => c.line)).toContain('Harbor Point -> Maria Delgado donation ');
    expect(complete('Harbor Point -> Maria Delgado donation $50', known)).toEqual([]);
  });

  it("completes an actor's kind and roles", () => {
    expect(complete('Maria Delgado, pe', known)[0]!.line).toBe('Maria Delgado, person, ');
    expect(complete('Maria Delgado, person, dec', known)[0]!.line).toBe('Maria Delgado, person, decision-maker, ');
    expect(complete('Maria Delgado, person, pow', known)[0]!.line).toBe('Maria Delgado, person, power ');
  });
});
