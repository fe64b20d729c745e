/**
 * Seeded power graphs with the shape of real power-mapping data: a heavy-tailed degree
 * (a few people sit on many boards, a few funds own much), organisations with boards and
 * executives, donation chains (donor → committee → candidate), ownership chains (holding →
 * holding → operating company), and a few dense interlocks (small elites sharing boards).
 */
import type { ActorKind, ActorRole, Sector } from '../../server/domain/actor.js';
import type { RelationshipType } from '../../server/domain/relationship.js';
import { pareto, rng, uuidFrom, weightedPicker } from './random.js';

export interface GenActor {
  id: string;
  kind: ActorKind;
  name: string;
  sector: Sector;
  roles: ActorRole[];
  power: number | null;
  alignment: number | null;
  organized: boolean;
  tags: string[];
  sharesOutstanding: null;
}

export interface GenRelationship {
  id: string;
  type: RelationshipType;
  from: number;
  to: number;
  mutual: boolean;
  strength: number;
  fields: Record<string, string | number | boolean>;
}

export interface PowerGraph {
  seed: number;
  actors: GenActor[];
  relationships: GenRelationship[];
}

const FIRST = [
  'Ana',
  'Ben',
  'Chen',
  'Dara',
  'Eli',
  'Fatima',
  'Gus',
  'Hana',
  'Ivan',
  'Jo',
  'Kofi',
  'Lena',
  'Mateo',
  'Nia',
  'Omar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sam',
  'Tariq',
  'Uma',
  'Vera',
  'Wei',
  'Ximena',
  'Yusuf',
  'Zoe',
];
const LAST = [
  'Abbott',
  'Baptiste',
  'Castillo',
  'Dubois',
  'Eriksen',
  'Fischer',
  'Garcia',
  'Haddad',
  'Ito',
  'Jensen',
  'Kowalski',
  'Lindqvist',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Petrov',
  'Quinlan',
  'Rossi',
  'Schmidt',
  'Tanaka',
  'Usman',
  'Varga',
  'Walsh',
  'Xu',
  'Yilmaz',
  'Zhang',
];
const WORD = [
  'Allied',
  'Beacon',
  'Cedar',
  'Delta',
  'Eagle',
  'Frontier',
  'Granite',
  'Harbor',
  'Iron',
  'Juniper',
  'Keystone',
  'Liberty',
  'Meridian',
  'North',
  'Oak',
  'Pioneer',
  'Quarry',
  'River',
  'Summit',
  'Tri-State',
  'Union',
  'Vista',
  'Westfield',
  'Yellowstone',
];
const SUFFIX: Record<Sector, string[]> = {
  government: ['Department', 'Authority', 'Commission', 'City Council'],
  corporate: ['Holdings', 'Industries', 'Health Systems', 'Logistics', 'Energy'],
  finance: ['Capital', 'Partners', 'Asset Management', 'Pension Fund', 'Bank'],
  labor: ['Workers Union', 'Federation of Labor', 'Nurses Association'],
  community: ['Tenants Alliance', 'Neighbors Council', 'Community Coalition'],
  media: ['Media Group', 'Herald', 'Broadcasting'],
  philanthropy: ['Foundation', 'Trust', 'Charitable Fund'],
  education: ['University', 'School Board', 'Institute'],
  faith: ['Congregation', 'Interfaith Council', 'Parish'],
  political: ['PAC', 'Victory Fund', 'Party Committee', 'Action Fund'],
  other: ['Group', 'Association', 'Club'],
};
const ORG_SECTORS: Sector[] = [
  'corporate',
  'corporate',
  'corporate',
  'finance',
  'finance',
  'political',
  'philanthropy',
  'labor',
  'community',
  'media',
  'education',
  'government',
  'faith',
  'other',
];
const TITLES = ['Director', 'Trustee', 'Chair', 'Vice Chair', 'Treasurer'];

/** Shares of the relationship budget per kind of tie (boards and donations dominate, as in LittleSis). */
const SHARE = {
  board: 0.22,
  executive: 0.05,
  ownership: 0.03,
  hierarchy: 0.02,
  donation: 0.25,
  membership: 0.14,
  social: 0.08,
  professional: 0.05,
  family: 0.02,
  lobbying: 0.04,
  influence: 0.03,
  transaction: 0.04,
  alliance: 0.015,
  opposition: 0.005,
  generic: 0.01,
};

export function generatePowerGraph(actorCount: number, options: { seed?: number; relationshipsPerActor?: number } = {}): PowerGraph {
  const seed = options.seed ?? 1;
  // Sizes drawn from the same seed must not share ids (they live in one database).
  const random = rng((seed * 2_654_435_761) ^ actorCount);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const target = Math.round(actorCount * (options.relationshipsPerActor ?? 10));

  const actors: GenActor[] = [];
  const fitness = new Float64Array(actorCount);
  const people: number[] = [];
  const orgs: number[] = [];
  const politicians: number[] = [];
  const politicalOrgs: number[] = [];
  for (let i = 0; i < actorCount; i++) {
    const isOrg = random() < 0.3;
    fitness[i] = pareto(random, 1.6);
    if (isOrg) {
      const sector = pick(ORG_SECTORS);
      actors.push({
        id: uuidFrom(random),
        kind: 'organization',
        name: `${pick(WORD)} ${pick(WORD)} ${pick(SUFFIX[sector])}`,
        sector,
        roles: sector === 'labor' || sector === 'community' ? ['base'] : [],
        power: fitness[i]! > 8 ? 4 : null,
        alignment: null,
        organized: sector === 'labor' || sector === 'community' || sector === 'faith',
        tags: [],
        sharesOutstanding: null,
      });
      orgs.push(i);
      if (sector === 'political') politicalOrgs.push(i);
    } else {
      const politician = random() < 0.05;
      actors.push({
        id: uuidFrom(random),
        kind: 'person',
        name: `${pick(FIRST)} ${pick(LAST)}`,
        sector: politician ? 'government' : pick(ORG_SECTORS),
        roles: politician ? ['decision_maker'] : fitness[i]! > 10 ? ['influencer'] : [],
        power: politician ? 1 + Math.floor(random() * 5) : null,
        alignment: politician ? Math.floor(random() * 7) - 3 : null,
        organized: false,
        tags: politician ? ['elected'] : [],
        sharesOutstanding: null,
      });
      people.push(i);
      if (politician) politicians.push(i);
    }
  }
  if (politicians.length === 0) politicians.push(people[0] ?? 0);
  if (politicalOrgs.length === 0) politicalOrgs.push(orgs[0] ?? 0);

  const weightsOf = (ids: number[]) => ids.map((i) => fitness[i]!);
  const pickFrom = (ids: number[]) => {
    const p = weightedPicker(weightsOf(ids), random);
    return () => ids[p()]!;
  };
  const anyActor = weightedPicker(fitness, random);
  const person = pickFrom(people);
  const org = pickFrom(orgs);
  const politician = pickFrom(politicians);
  const committee = pickFrom(politicalOrgs);

  const relationships: GenRelationship[] = [];
  const seen = new Set<number>();
  const TYPE_INDEX: Record<string, number> = {};
  const add = (type: RelationshipType, from: number, to: number, fields: GenRelationship['fields'] = {}, mutual = false) => {
    if (from === to) return false;
    const [a, b] = mutual && from > to ? [to, from] : [from, to];
    const key = ((TYPE_INDEX[type] ??= Object.keys(TYPE_INDEX).length) * actorCount + a) * actorCount + b;
    if (seen.has(key)) return false;
    seen.add(key);
    relationships.push({ id: uuidFrom(random), type, from: a, to: b, mutual, strength: 1 + Math.floor(random() * 5), fields });
    return true;
  };
  const budget = (share: number) => Math.round(target * share);
  /** Adds ties with `make` until `count` more exist (or it keeps hitting duplicates). */
  const fill = (count: number, make: () => boolean) => {
    const goal = Math.min(target, relationships.length + count);
    for (let tries = 0; relationships.length < goal && tries < count * 5; tries++) make();
  };

  // Dense interlocks: a small elite shares most seats on a handful of boards.
  const elites = Math.max(2, Math.round(actorCount / 2500));
  for (let e = 0; e < elites; e++) {
    const members = Array.from({ length: 12 }, person);
    const boards = Array.from({ length: 8 }, org);
    for (const m of members)
      for (const b of boards) if (random() < 0.7) add('POSITION', m, b, { board: true, executive: false, title: 'Director' });
  }
  // Boards: seats drawn by fitness, so the well-connected collect seats (interlocks).
  fill(budget(SHARE.board), () => add('POSITION', person(), org(), { board: true, executive: false, title: pick(TITLES) }));
  fill(budget(SHARE.executive), () =>
    add('POSITION', person(), org(), {
      board: false,
      executive: true,
      title: pick(['CEO', 'CFO', 'President', 'General Counsel']),
      compensation: Math.round(200_000 + random() * 5_000_000),
    }),
  );
  // Ownership chains: holding → holding → … → operating company.
  fill(budget(SHARE.ownership), () => {
    let owner = org();
    const length = 2 + Math.floor(random() * 4);
    for (let step = 0; step < length; step++) {
      const owned = orgs[Math.floor(random() * orgs.length)]!;
      add('OWNERSHIP', owner, owned, { percent: Math.round(5 + random() * 95) });
      owner = owned;
    }
    return true;
  });
  fill(budget(SHARE.hierarchy), () =>
    add('HIERARCHY', org(), orgs[Math.floor(random() * orgs.length)]!, { relation: pick(['subsidiary', 'division', 'affiliate']) }),
  );
  // Donation chains: donor → committee → candidate, and direct gifts.
  const gift = () => ({
    amount: Math.round(Math.pow(10, 2 + random() * 4)),
    currency: 'USD',
    date: `20${10 + Math.floor(random() * 15)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
  });
  fill(budget(SHARE.donation), () => {
    const donor = anyActor();
    if (random() < 0.5) {
      const via = committee();
      add('DONATION', donor, via, gift());
      return add('DONATION', via, politician(), gift());
    }
    return add('DONATION', donor, random() < 0.5 ? politician() : committee(), gift());
  });
  fill(budget(SHARE.membership), () => add('MEMBERSHIP', anyActor(), org(), { role: pick(['member', 'member', 'officer', 'founder']) }));
  fill(budget(SHARE.social), () => add('SOCIAL', person(), person(), {}, true));
  fill(budget(SHARE.professional), () => add('PROFESSIONAL', person(), person(), {}, true));
  fill(budget(SHARE.family), () =>
    add('FAMILY', person(), people[Math.floor(random() * people.length)]!, { relation: pick(['spouse', 'sibling', 'parent']) }, true),
  );
  fill(budget(SHARE.lobbying), () =>
    add('LOBBYING', org(), politician(), { issue: pick(['hospital closures', 'zoning', 'pensions', 'school funding']) }),
  );
  fill(budget(SHARE.influence), () =>
    add('INFLUENCE', anyActor(), politician(), { how: pick(['adviser', 'major donor', 'former employer']) }),
  );
  fill(budget(SHARE.transaction), () =>
    add('TRANSACTION', org(), org(), { amount: Math.round(Math.pow(10, 4 + random() * 4)), currency: 'USD' }),
  );
  fill(budget(SHARE.alliance), () =>
    add('ALLIANCE', org(), org(), { coalition: pick(['Fair Care Coalition', 'Jobs First', 'Main Street Alliance']) }, true),
  );
  fill(budget(SHARE.opposition), () => add('OPPOSITION', anyActor(), anyActor(), { issue: pick(['rent control', 'nurse ratios']) }, true));
  // Top up with generic ties to reach the target exactly, as real imports carry some.
  fill(target - relationships.length, () => add('GENERIC', anyActor(), anyActor(), { label: 'connected' }));
  return { seed, actors, relationships };
}

/** Degree of each actor (both directions), for checks and for picking busy or quiet actors. */
export function degrees(graph: PowerGraph): Int32Array {
  const degree = new Int32Array(graph.actors.length);
  for (const r of graph.relationships) {
    degree[r.from]!++;
    degree[r.to]!++;
  }
  return degree;
}
