/**
 * The real 114th Congress from legis-graph (../shared/data/legis-graph, MIT, William Lyon and
 * George Lesica) as a fixture in the shape of the generated ones: legislators (people), the
 * committees of committees-current.csv and the bills of the 114th Congress (organisations
 * tagged `bill`, so the closed actor kinds hold them). Ties: committee seats (MEMBERSHIP, the
 * rank-1 member of each side as chair or ranking member), sponsorships and recorded votes (GENERIC, labelled sponsor,
 * cosponsor or the vote cast) and bill referrals to committees (GENERIC, "referred to").
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCsv } from '../../server/io/csv-parse.js';
import type { GenActor, GenRelationship, PowerGraph } from './generator.js';
import { rng, uuidFrom } from './random.js';

export const CONGRESS_DIR = path.resolve(import.meta.dirname, '../../../shared/data/legis-graph');
const SEED = 114;

export const congressAvailable = () => existsSync(path.join(CONGRESS_DIR, 'votes.csv'));

export function congressGraph(dir = CONGRESS_DIR): PowerGraph {
  const read = (file: string) => parseCsv(readFileSync(path.join(dir, file), 'utf8'));
  const random = rng(SEED);
  const actors: GenActor[] = [];
  const index = new Map<string, number>();
  const add = (key: string, actor: Omit<GenActor, 'id' | 'power' | 'alignment' | 'organized' | 'sharesOutstanding'>) => {
    index.set(key, actors.length);
    actors.push({ id: uuidFrom(random), power: null, alignment: null, organized: false, sharesOutstanding: null, ...actor });
    return actors.length - 1;
  };

  const people = new Map<string, Record<string, string>>();
  for (const file of ['legislators-historical.csv', 'legislators-current.csv'])
    for (const l of read(file)) if (l.bioguideID) people.set(l.bioguideID, l);
  const person = (bioguide: string) => {
    const key = `L:${bioguide}`;
    if (index.has(key)) return index.get(key)!;
    const l = people.get(bioguide);
    if (!l) return null;
    const party = (l.currentParty || l.party || 'other').toLowerCase();
    return add(key, {
      kind: 'person',
      name: `${l.firstName} ${l.lastName} (${bioguide})`,
      sector: 'government',
      roles: ['decision_maker'],
      tags: [party, (l.type || 'congress').toLowerCase()],
    });
  };
  for (const c of read('committees-current.csv')) {
    if (c.thomasID)
      add(`C:${c.thomasID}`, {
        kind: 'organization',
        name: c.name!.slice(0, 200),
        sector: 'government',
        roles: [],
        tags: ['committee', c.type ?? ''],
      });
  }
  for (const b of read('bills.csv')) {
    if (!b.billID?.endsWith('-114')) continue;
    const title = (b.popularTitle || b.officialTitle || '').trim();
    add(`B:${b.billID}`, {
      kind: 'organization',
      name: `${b.billID}${title ? `: ${title}` : ''}`.slice(0, 200),
      sector: 'government',
      roles: [],
      tags: ['bill'],
    });
  }

  const relationships: GenRelationship[] = [];
  const seen = new Set<string>();
  const tie = (
    type: 'MEMBERSHIP' | 'GENERIC',
    from: number | null | undefined,
    to: number | null | undefined,
    strength: number,
    fields: GenRelationship['fields'],
  ) => {
    if (from == null || to == null || from === to) return;
    const key = `${type}:${from}:${to}:${JSON.stringify(fields)}`;
    if (seen.has(key)) return;
    seen.add(key);
    relationships.push({ id: uuidFrom(random), type, from, to, mutual: false, strength, fields });
  };
  for (const m of read('committee-members.csv')) {
    tie('MEMBERSHIP', person(m.legislatorID!), index.get(`C:${m.committeeID}`), m.rank === '1' ? 5 : 3, {
      role: m.rank === '1' ? 'chair or ranking member' : 'member',
    });
  }
  for (const s of read('sponsors.csv')) {
    tie('GENERIC', person(s.bioguideID!), index.get(`B:${s.billID}`), s.cosponsor === '1' ? 3 : 5, {
      label: s.cosponsor === '1' ? 'cosponsor' : 'sponsor',
    });
  }
  for (const v of read('votes.csv')) {
    tie('GENERIC', person(v.bioguideID!), index.get(`B:${v.billID}`), 2, { label: `voted ${v.vote}` });
  }
  for (const bc of read('bill_committees.csv')) {
    tie('GENERIC', index.get(`B:${bc.billID}`), index.get(`C:${bc.committeeID}`), 2, { label: 'referred to' });
  }
  return { seed: SEED, actors, relationships };
}
