import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Gateway } from '../db/gateway.js';
import { hashPassword } from '../auth/password.js';
import { usersRepo } from '../repos/users.js';
import { workspacesRepo } from '../repos/workspaces.js';
import type { ActorCreate } from '../domain/actor.js';
import type { RelationshipCreate } from '../domain/relationship.js';
import { createActor } from '../services/actors.js';
import { bulkCreateActors, bulkCreateRelationships } from '../services/bulk.js';
import { createDemand } from '../services/demands.js';
import { createMap } from '../services/maps.js';
import { createRelationship } from '../services/relationships.js';
import { createSource } from '../services/sources.js';
import { mutate } from '../services/unit-of-work.js';
import { seedCampaignDemo } from './campaign.js';
import { parseCsv } from '../io/csv-parse.js';

const dataDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');
const read = (file: string) => parseCsv(readFileSync(path.join(dataDir, file), 'utf8'));

export const DEMO_EMAIL = 'demo@powermap.local';

/** On a database without any workspace, seeds the demo and prints its sign-in. */
export async function seedDemoIfEmpty(db: Gateway, log: (line: string) => void): Promise<void> {
  if ((await db.read((tx) => workspacesRepo.count(tx))) > 0) return;
  const started = Date.now();
  const seeded = await seedDemo(db);
  log(`Seeded the demo workspace in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  if (seeded.password) {
    console.log(`\nDemo sign-in — email: ${DEMO_EMAIL}  password: ${seeded.password}\n(shown this once: note it down)\n`);
  }
}

/**
 * Builds the demo workspace: the 114th Congress's committees and their members from
 * legis-graph, chairs and ranking members as the decision-makers on their committee's
 * issues, an example demand and a saved map; beside it, a fictional campaign worked over
 * three months (demo/campaign.ts). The demo account's password is random and returned only
 * when the account is new.
 */
export async function seedDemo(db: Gateway): Promise<{ workspaceId: string; campaignWorkspaceId: string; password: string | null }> {
  const password = randomBytes(9).toString('base64url');
  const { user, created } = await db.write(async (tx) => {
    const found = await usersRepo.byEmail(tx, DEMO_EMAIL);
    if (found) return { user: found, created: false };
    return {
      user: await usersRepo.create(tx, {
        id: randomUUID(),
        email: DEMO_EMAIL,
        name: 'Demo organiser',
        passwordHash: await hashPassword(password),
      }),
      created: true,
    };
  });
  const ws = await db.write((tx) =>
    workspacesRepo.create(
      tx,
      {
        id: randomUUID(),
        name: '114th Congress committees (demo)',
        description:
          'Committees of the 114th US Congress and the legislators who sit on them, from the legis-graph project (MIT licence). Chairs and ranking members are the decision-makers on their committee’s issues.',
      },
      user.id,
    ),
  );
  await mutate(db, ws.id, { id: user.id, name: user.name }, 'batch', 'Seeded the demo from the 114th Congress (legis-graph)', (ctx) =>
    buildDemo(ctx),
  );
  const campaignWorkspaceId = await seedCampaignDemo(db, { id: user.id, name: user.name });
  return { workspaceId: ws.id, campaignWorkspaceId, password: created ? password : null };
}

async function buildDemo(ctx: Parameters<typeof createActor>[0]) {
  const committees = read('committees.csv');
  const members = read('committee-members.csv');
  const legislators = read('legislators.csv');

  const { source } = await createSource(ctx, {
    url: 'https://github.com/legis-graph/legis-graph',
    title: 'legis-graph: the US Congress as a graph',
    publisher: 'William Lyon and George Lesica',
    publishedAt: '2015-11-01',
    excerpt: 'Committee assignments of the 114th Congress, from the unitedstates/congress-legislators data.',
  });

  const actors: { input: ActorCreate; prefix: string }[] = [];
  const ties: { input: RelationshipCreate; prefix: string }[] = [];
  const addActor = (input: Omit<ActorCreate, 'id'>) => {
    const id = randomUUID();
    actors.push({ input: { ...input, id }, prefix: 'demo' });
    return id;
  };

  const parties = new Map<string, string>();
  for (const [key, name] of [
    ['Republican', 'Republican Party'],
    ['Democrat', 'Democratic Party'],
    ['Independent', 'Independents'],
  ] as const) {
    parties.set(
      key,
      addActor({
        kind: 'organization',
        name,
        sector: 'political',
        organized: true,
        description: key === 'Independent' ? 'Members elected as independents.' : `The ${name} caucus in the 114th Congress.`,
      }),
    );
  }

  const committeeIds = new Map<string, string>();
  for (const c of committees) {
    committeeIds.set(
      c.thomasID!,
      addActor({
        kind: 'organization',
        name: c.name!,
        sector: 'government',
        organized: true,
        description: c.jurisdiction ?? '',
        tags: [c.type === 'house' ? 'House' : c.type === 'senate' ? 'Senate' : 'Joint'],
        links: c.url ? [c.url.trim()] : [],
        externalIds: { thomas: c.thomasID! },
        power: 4,
      }),
    );
  }

  const seatsBy = new Map<string, { committee: string; rank: number }[]>();
  for (const m of members) {
    const list = seatsBy.get(m.bioguideID!) ?? [];
    list.push({ committee: m.committeeID!, rank: Number(m.rank) });
    seatsBy.set(m.bioguideID!, list);
  }

  const people = new Map<string, string>();
  for (const l of legislators) {
    const seats = seatsBy.get(l.bioguideID!) ?? [];
    const leads = seats.filter((s) => s.rank === 1);
    const title = l.chamber === 'Senate' ? 'Senator' : 'Representative';
    const personId = addActor({
      kind: 'person',
      name: `${l.firstName} ${l.lastName}`,
      sector: 'government',
      description: `U.S. ${title} (${l.party![0]}-${l.state}${l.district ? `-${l.district}` : ''}), 114th Congress.`,
      roles: leads.length ? ['decision_maker'] : [],
      power: leads.length ? (l.party === 'Republican' ? 5 : 4) : 2,
      tags: [l.party!, l.chamber!, l.state!],
      externalIds: {
        bioguide: l.bioguideID!,
        ...(l.opensecretsID ? { opensecrets: l.opensecretsID } : {}),
        ...(l.wikipediaID ? { wikipedia: l.wikipediaID } : {}),
      },
    });
    people.set(l.bioguideID!, personId);
    const party = parties.get(l.party!);
    if (party)
      ties.push({
        input: { type: 'MEMBERSHIP', from: personId, to: party, role: title, current: true, sourceIds: [source.id] },
        prefix: 'demo',
      });
    for (const seat of seats) {
      const lead = seat.rank === 1;
      ties.push({
        input: {
          type: 'POSITION',
          from: personId,
          to: committeeIds.get(seat.committee)!,
          title: lead ? (l.party === 'Republican' ? 'Chair' : 'Ranking Member') : `Member (rank ${seat.rank})`,
          board: true,
          executive: lead,
          strength: lead ? 5 : 3,
          current: true,
          sourceIds: [source.id],
        },
        prefix: 'demo',
      });
    }
  }
  await bulkCreateActors(ctx, actors);
  await bulkCreateRelationships(ctx, ties);

  // One illustrative campaign: money for school nurses goes through the appropriations committees.
  const appropriations = ['HSAP', 'SSAP'].map((t) => committeeIds.get(t)!);
  const leadsOf = (thomas: string) =>
    members.filter((m) => m.committeeID === thomas && m.rank === '1').map((m) => people.get(m.bioguideID!)!);
  const base = (
    await createActor(ctx, {
      kind: 'organization',
      name: 'Our coalition (example)',
      sector: 'labor',
      organized: true,
      roles: ['base'],
      alignment: 3,
      power: 2,
      description:
        'Stands for your own union or coalition: connect it to the people your members know, and the leverage routes will find the way to the targets.',
    })
  ).id;
  // Two illustrative ties, marked as examples, so that leverage routes have a way in.
  const secondOf = (thomas: string) => {
    const seat = members.find((m) => m.committeeID === thomas && m.rank === '2');
    return seat ? people.get(seat.bioguideID!) : undefined;
  };
  for (const [thomas, how] of [
    ['HSAP', 'members vote in the district (example)'],
    ['SSAP', 'our state federation endorsed them (example)'],
  ] as const) {
    const contact = secondOf(thomas);
    if (!contact) continue;
    await createRelationship(ctx, {
      type: 'INFLUENCE',
      from: base,
      to: contact,
      how,
      strength: 3,
      description: 'An example tie, not a fact: replace it with the people your members really know.',
    });
  }
  await createDemand(ctx, {
    title: 'Fund a school nurse in every public school',
    description:
      'An example demand: a line in the Labor-HHS-Education appropriations bill for school nurses. Its primary targets are the chairs and ranking members of the two appropriations committees.',
    status: 'presented',
    primaryTargetIds: [...leadsOf('HSAP'), ...leadsOf('SSAP')],
    secondaryTargetIds: appropriations,
  });
  const onMap = new Set<string>([base, ...appropriations]);
  for (const m of members) if (m.committeeID === 'HSAP' || m.committeeID === 'SSAP') onMap.add(people.get(m.bioguideID!)!);
  await createMap(ctx, {
    name: 'Appropriations committees',
    description: 'Who decides the money for school nurses: both appropriations committees and their members.',
    defaultView: 'network',
    members: [...onMap].map((actorId) => ({ actorId, x: null, y: null, style: {} })),
  });
}
