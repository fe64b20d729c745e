import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestContext } from '../support/app.js';
import type { Caller } from '../support/api.js';
import { analysisSession, ask, seedGraph } from '../support/analysis-session.js';

/**
 * The 114th Congress committee network from legis-graph (MIT, William Lyon and George
 * Lesica): legislators → MEMBERSHIP → committees. Every expected number below is counted
 * straight from the CSVs in this file, as a person would by hand.
 */
const dir = path.resolve(process.cwd(), '../shared/data/legis-graph');

/** A small CSV reader: quoted fields may hold commas and doubled quotes. */
function readCsv(file: string): Array<Record<string, string>> {
  const text = readFileSync(path.join(dir, file), 'utf8');
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows.filter((r) => r.length > 1);
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

describe('114th Congress committee network', () => {
  let ctx: TestContext;
  let who: Caller;
  let ws: string;
  let id: Record<string, string>;
  const committees = new Map<string, string>();
  const legislators = new Map<string, string>();
  const members = new Map<string, Set<string>>(); // committee → legislator names
  const seats = new Map<string, number>(); // legislator name → committees

  beforeAll(async () => {
    ctx = await testApp();
    ({ who, ws } = await analysisSession(ctx, 'Congress'));
    for (const c of readCsv('committees-current.csv')) committees.set(c.thomasID!, c.name!);
    for (const l of readCsv('legislators-current.csv')) legislators.set(l.bioguideID!, `${l.firstName} ${l.lastName} (${l.bioguideID})`);
    for (const m of readCsv('committee-members.csv')) {
      const committee = committees.get(m.committeeID!);
      const person = legislators.get(m.legislatorID!);
      if (!committee || !person) continue; // subcommittees and joint panels are not in committees-current.csv
      members.set(committee, (members.get(committee) ?? new Set()).add(person));
      seats.set(person, (seats.get(person) ?? 0) + 1);
    }
    id = await seedGraph(
      ctx,
      ws,
      [...[...seats.keys()].map((name) => ({ name })), ...[...members.keys()].map((name) => ({ name, kind: 'organization' as const }))],
      [...members].flatMap(([committee, people]) => [...people].map((person) => ({ from: person, to: committee, type: 'MEMBERSHIP' }))),
    );
  }, 120_000);
  afterAll(() => ctx.close());

  it('power brokers: degrees are the seat counts in the CSV, and one-committee members broker nothing', async () => {
    const res = await ask(ctx, who, ws, 'brokers?limit=500');
    expect(res.status).toBe(200);
    const expectedActors = seats.size + members.size;
    expect(res.body.actorCount).toBe(expectedActors);
    expect(res.body.relationshipCount).toBe([...seats.values()].reduce((a, b) => a + b, 0));
    expect(res.body.betweenness.mode).toBe('exact');
    const byId = new Map(res.body.items.map((i: { actorId: string }) => [i.actorId, i]));
    // The biggest committee and the busiest legislator, counted from the CSV.
    const [bigCommittee, bigSize] = [...members].map(([c, p]) => [c, p.size] as const).sort((a, b) => b[1] - a[1])[0]!;
    const [busiest, busiestSeats] = [...seats].sort((a, b) => b[1] - a[1])[0]!;
    expect((byId.get(id[bigCommittee]) as { degree: number }).degree).toBe(bigSize);
    const all = await ask(ctx, who, ws, `neighborhood?actor=${id[busiest]}&limit=500`);
    expect(all.body.total).toBe(busiestSeats);
    for (const item of res.body.items as Array<{ actorId: string; degree: number; betweenness: number }>) {
      const name = Object.keys(id).find((k) => id[k] === item.actorId)!;
      const expected = members.get(name)?.size ?? seats.get(name);
      expect(item.degree).toBe(expected);
      // A legislator on a single committee hangs off it and lies on nobody's shortest path.
      if (seats.get(name) === 1) expect(item.betweenness).toBe(0);
    }
    // The top broker is a committee (committees join the chambers' members together).
    expect(members.has(Object.keys(id).find((k) => id[k] === res.body.items[0].actorId)!)).toBe(true);
  });

  it('interlocks of two committees are exactly the legislators who sit on both', async () => {
    const armed = 'House Committee on Armed Services';
    const foreign = 'House Committee on Foreign Affairs';
    const both = [...members.get(armed)!].filter((p) => members.get(foreign)!.has(p));
    expect(both.length).toBeGreaterThan(0);
    const res = await ask(ctx, who, ws, `interlocks?actors=${id[armed]},${id[foreign]}`);
    expect(res.status).toBe(200);
    expect(res.body.groups).toHaveLength(1);
    expect(res.body.groups[0].type).toBe('MEMBERSHIP');
    const found = res.body.groups[0].items.map((i: { actorId: string }) => Object.keys(id).find((k) => id[k] === i.actorId)).sort();
    expect(found).toEqual(both.sort());
    expect(res.body.relationships).toHaveLength(2 * both.length);
  });
});
