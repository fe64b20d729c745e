import { randomUUID } from 'node:crypto';
import type { Gateway } from '../db/gateway.js';
import type { ActorCreate } from '../domain/actor.js';
import type { RelationshipCreate } from '../domain/relationship.js';
import { workspacesRepo } from '../repos/workspaces.js';
import { createActor } from '../services/actors.js';
import { assess } from '../services/assessments.js';
import { createAction, createKeyDate, createTask, taskFromTie } from '../services/campaign.js';
import { createDemand, updateDemand } from '../services/demands.js';
import { createMap } from '../services/maps.js';
import { createRelationship } from '../services/relationships.js';
import { createSource } from '../services/sources.js';
import { mutate, type WriteContext } from '../services/unit-of-work.js';

const DAY = 86_400_000;
/** Dates relative to the day the demo is seeded, so it always shows the last three months. */
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
const at = (days: number) => `${daysFromNow(days)}T12:00:00.000Z`;

const FICTION = 'FICTIONAL — an invented example for the powermap demo; no real person, organisation or document.';

type Who = ActorCreate & { key: string; start: [number, number]; moves?: [number, number, number, string][] };

/** The cast: a school board and its superintendent decide; the rest push them one way or the other. */
const cast: Who[] = [
  {
    key: 'board',
    kind: 'organization',
    name: 'Riverside Unified School Board',
    sector: 'education',
    organized: true,
    roles: ['decision_maker'],
    start: [5, -1],
    moves: [[-20, 5, 0, 'Two trustees now back a healthy-buildings line in the budget']],
    interests: ['A balanced budget', 'Re-election next November'],
    powerSources: ['Votes the district budget and the capital plan'],
  },
  {
    key: 'delgado',
    kind: 'person',
    name: 'Board President Maria Delgado',
    sector: 'education',
    roles: ['decision_maker'],
    start: [5, -1],
    moves: [
      [-45, 5, 0, 'Said at the delegation she “needs to see the numbers”'],
      [-14, 5, 1, 'After the rally: asked staff for a costed plan'],
    ],
    interests: ['Running for county supervisor', 'Test scores'],
    powerSources: ['Sets the board agenda', 'Casting vote'],
  },
  {
    key: 'whitfield',
    kind: 'person',
    name: 'Trustee James Whitfield',
    sector: 'education',
    roles: ['decision_maker', 'opponent'],
    start: [4, -2],
    moves: [[-30, 4, -3, 'Called the air-quality study “scaremongering” in the Tribune']],
    interests: ['Lower taxes', 'Developer support'],
    powerSources: ['Chairs the facilities committee'],
  },
  {
    key: 'karim',
    kind: 'person',
    name: 'Trustee Aisha Karim',
    sector: 'education',
    roles: ['decision_maker', 'ally'],
    start: [3, 1],
    moves: [
      [-30, 3, 2, 'Co-signed the pediatricians’ letter'],
      [-10, 4, 3, 'Now the board’s champion for the demand'],
    ],
    interests: ['Asthma rates in her district', 'Parents she knows'],
    powerSources: ['Swing vote', 'Respected by parents'],
  },
  {
    key: 'chen',
    kind: 'person',
    name: 'Trustee Robert Chen',
    sector: 'education',
    roles: ['decision_maker'],
    start: [3, -1],
    moves: [[-45, 3, -2, 'Voted to table the petition']],
    interests: ['Construction jobs in his district'],
    powerSources: ['Facilities committee member'],
  },
  {
    key: 'morales',
    kind: 'person',
    name: 'Trustee Linda Morales',
    sector: 'education',
    roles: ['decision_maker'],
    start: [3, 0],
    moves: [
      [-60, 3, 0, 'Undecided: wants teacher support first'],
      [-14, 3, 1, 'Teachers’ association endorsed the demand; she followed'],
    ],
    interests: ['The teachers’ association endorsement'],
    powerSources: ['Former teacher'],
  },
  {
    key: 'park',
    kind: 'person',
    name: 'Superintendent Dr. Helen Park',
    sector: 'education',
    roles: ['decision_maker'],
    start: [4, -1],
    interests: ['Keeping the board on side', 'Attendance'],
    powerSources: ['Writes the budget proposal', 'Runs facilities'],
  },
  {
    key: 'crestview',
    kind: 'organization',
    name: 'Crestview Development Group',
    sector: 'corporate',
    roles: ['bad_actor'],
    start: [4, -3],
    interests: ['Lease-leaseback contracts', 'Building on the old Eastside school site'],
    powerSources: ['Campaign money', 'Construction contracts'],
  },
  {
    key: 'stone',
    kind: 'person',
    name: 'Gary Stone, Crestview CEO',
    sector: 'corporate',
    roles: ['bad_actor'],
    start: [4, -3],
    interests: ['The Eastside land deal'],
    powerSources: ['Crestview’s money'],
  },
  {
    key: 'bank',
    kind: 'organization',
    name: 'First Harbor Bank',
    sector: 'finance',
    roles: ['bad_actor', 'influencer'],
    start: [4, -2],
    moves: [[-20, 4, -1, 'Bank spokesperson: “we support safe schools” after the shareholder letter']],
    interests: ['Bond underwriting fees', 'Its reputation with depositors'],
    powerSources: ['Underwrites the district’s bonds', 'Lends to Crestview'],
  },
  {
    key: 'taxpayers',
    kind: 'organization',
    name: 'Riverside Taxpayers Alliance',
    sector: 'political',
    roles: ['opponent'],
    start: [2, -3],
    interests: ['No new bond measures'],
    powerSources: ['Mailers at election time'],
  },
  {
    key: 'chamber',
    kind: 'organization',
    name: 'Riverside Chamber of Commerce',
    sector: 'corporate',
    roles: ['opponent', 'influencer'],
    start: [3, -2],
    moves: [[-30, 3, -1, 'Chamber stayed neutral in the Tribune story']],
    interests: ['Business taxes'],
    powerSources: ['Endorsements', 'Members’ donations'],
  },
  {
    key: 'rea',
    kind: 'organization',
    name: 'Riverside Education Association',
    sector: 'labor',
    roles: ['ally'],
    organized: true,
    start: [3, 1],
    moves: [[-20, 3, 3, 'Voted to endorse the demand']],
    interests: ['Teachers’ health', 'Class sizes'],
    powerSources: ['2,100 teachers', 'Endorses trustees'],
  },
  {
    key: 'pediatricians',
    kind: 'organization',
    name: 'Pediatricians for Clean Air',
    sector: 'community',
    roles: ['ally', 'influencer'],
    start: [2, 2],
    moves: [[-30, 3, 3, 'Published the classroom air study']],
    interests: ['Childhood asthma'],
    powerSources: ['Medical authority'],
  },
  {
    key: 'ortiz',
    kind: 'person',
    name: 'Sam Ortiz, Riverside Tribune',
    sector: 'media',
    roles: ['influencer'],
    start: [2, 0],
    moves: [[-30, 3, 1, 'Front-page story on mould in Eastside classrooms']],
    interests: ['A strong story'],
    powerSources: ['The education beat'],
  },
  {
    key: 'ruiz',
    kind: 'person',
    name: 'Councilmember Dana Ruiz',
    sector: 'government',
    roles: ['influencer', 'ally'],
    start: [3, 1],
    moves: [[-14, 3, 2, 'Spoke at the rally']],
    interests: ['Eastside voters'],
    powerSources: ['City budget', 'Friend of the board president'],
  },
  {
    key: 'local',
    kind: 'organization',
    name: 'Building Services Workers Local 514',
    sector: 'labor',
    roles: ['base'],
    organized: true,
    start: [2, 3],
    moves: [[-14, 3, 3, '400 members at the rally']],
    interests: ['Custodians’ health', 'The contract'],
    powerSources: ['1,800 custodians and maintenance workers', 'Can strike'],
  },
  {
    key: 'parents',
    kind: 'organization',
    name: 'Parents for Healthy Schools',
    sector: 'community',
    roles: ['base'],
    organized: true,
    start: [1, 3],
    moves: [
      [-45, 2, 3, 'Petition: 1,200 signatures'],
      [-14, 3, 3, 'Chapters in 11 schools'],
    ],
    interests: ['Children’s health'],
    powerSources: ['Parents vote in board elections'],
  },
  {
    key: 'bell',
    kind: 'person',
    name: 'Marcus Bell, Local 514 President',
    sector: 'labor',
    roles: ['base'],
    start: [2, 3],
    interests: ['The contract', 'Members’ safety'],
    powerSources: ['Leads the local'],
  },
  {
    key: 'jimenez',
    kind: 'person',
    name: 'Rosa Jimenez, parent leader',
    sector: 'community',
    roles: ['base'],
    start: [1, 3],
    moves: [[-30, 2, 3, 'Now chairs the coalition']],
    interests: ['Her son’s asthma'],
    powerSources: ['Knows Trustee Karim from church'],
  },
];

const sources = [
  {
    key: 'donations',
    url: 'https://example.org/fictional/riverside/campaign-finance',
    title: 'FICTIONAL: Riverside County campaign finance filings',
    publisher: 'Fictional county registrar',
  },
  {
    key: 'tribune',
    url: 'https://example.org/fictional/riverside/tribune-mould',
    title: 'FICTIONAL: “Mould in Eastside classrooms”, Riverside Tribune',
    publisher: 'Fictional newspaper',
  },
  {
    key: 'minutes',
    url: 'https://example.org/fictional/riverside/board-minutes',
    title: 'FICTIONAL: Riverside Unified board minutes',
    publisher: 'Fictional school district',
  },
  {
    key: 'bonds',
    url: 'https://example.org/fictional/riverside/bond-prospectus',
    title: 'FICTIONAL: District bond prospectus',
    publisher: 'Fictional municipal bond filing',
  },
] as const;

/** A tie by cast keys; the type's own fields as createRelationship takes them. */
type Tie = { type: RelationshipCreate['type']; from: string; to: string; cite?: (typeof sources)[number]['key']; [field: string]: unknown };

const ties: Tie[] = [
  { type: 'POSITION', from: 'delgado', to: 'board', title: 'Board president', board: true, cite: 'minutes' },
  { type: 'POSITION', from: 'whitfield', to: 'board', title: 'Trustee', board: true, cite: 'minutes' },
  { type: 'POSITION', from: 'karim', to: 'board', title: 'Trustee', board: true, cite: 'minutes' },
  { type: 'POSITION', from: 'chen', to: 'board', title: 'Trustee', board: true, cite: 'minutes' },
  { type: 'POSITION', from: 'morales', to: 'board', title: 'Trustee', board: true, cite: 'minutes' },
  { type: 'POSITION', from: 'park', to: 'board', title: 'Superintendent (reports to the board)', executive: true, cite: 'minutes' },
  { type: 'POSITION', from: 'stone', to: 'crestview', title: 'CEO', executive: true, cite: 'tribune' },
  { type: 'DONATION', from: 'crestview', to: 'whitfield', amount: 12_500, currency: 'USD', strength: 4, cite: 'donations' },
  { type: 'DONATION', from: 'crestview', to: 'chen', amount: 8_000, currency: 'USD', strength: 4, cite: 'donations' },
  { type: 'DONATION', from: 'stone', to: 'delgado', amount: 2_500, currency: 'USD', strength: 2, cite: 'donations' },
  { type: 'TRANSACTION', from: 'bank', to: 'crestview', goods: 'Construction loan', strength: 4, cite: 'bonds' },
  { type: 'TRANSACTION', from: 'board', to: 'bank', goods: 'Bond underwriting', strength: 4, cite: 'bonds' },
  { type: 'TRANSACTION', from: 'board', to: 'crestview', goods: 'Lease-leaseback construction contracts', strength: 5, cite: 'minutes' },
  { type: 'LOBBYING', from: 'taxpayers', to: 'board', issue: 'Against any new bond measure', strength: 3 },
  { type: 'INFLUENCE', from: 'chamber', to: 'whitfield', how: 'Endorsed him twice', strength: 3 },
  { type: 'MEMBERSHIP', from: 'crestview', to: 'chamber', strength: 3 },
  { type: 'DONATION', from: 'rea', to: 'morales', amount: 5_000, currency: 'USD', strength: 4, cite: 'donations' },
  { type: 'DONATION', from: 'rea', to: 'delgado', amount: 3_000, currency: 'USD', strength: 3, cite: 'donations' },
  { type: 'DONATION', from: 'local', to: 'karim', amount: 4_000, currency: 'USD', strength: 4, cite: 'donations' },
  {
    type: 'ALLIANCE',
    from: 'local',
    to: 'parents',
    coalition: 'Healthy Schools Coalition',
    sharedGoals: ['Healthy buildings'],
    strength: 5,
  },
  { type: 'ALLIANCE', from: 'local', to: 'rea', coalition: 'Healthy Schools Coalition', sharedGoals: ['Healthy buildings'], strength: 4 },
  { type: 'POSITION', from: 'bell', to: 'local', title: 'President', executive: true },
  { type: 'MEMBERSHIP', from: 'jimenez', to: 'parents', role: 'Chair', strength: 5 },
  { type: 'SOCIAL', from: 'jimenez', to: 'karim', relation: 'Same church', strength: 4 },
  { type: 'INFLUENCE', from: 'pediatricians', to: 'park', how: 'The district’s medical advisers', strength: 4, cite: 'tribune' },
  { type: 'INFLUENCE', from: 'ortiz', to: 'delgado', how: 'Covers every board meeting', strength: 3, cite: 'tribune' },
  { type: 'PROFESSIONAL', from: 'ruiz', to: 'delgado', relation: 'Ran a joint city–schools task force', strength: 3 },
  { type: 'OPPOSITION', from: 'taxpayers', to: 'parents', issue: 'The bond measure', strength: 3 },
  // Uncited on purpose: the demo's open research task is to source it.
  { type: 'FAMILY', from: 'stone', to: 'chen', relation: 'Brother-in-law (unconfirmed)', strength: 3 },
];

/** A fictional campaign beside the Congress data: a power map being worked week by week. */
export async function seedCampaignDemo(db: Gateway, user: { id: string; name: string }): Promise<string> {
  const ws = await db.write((tx) =>
    workspacesRepo.create(
      tx,
      {
        id: randomUUID(),
        name: 'Healthy Schools Riverside — FICTIONAL demo campaign',
        description: `${FICTION} A custodians’ union local and a parents’ coalition demand that the Riverside school district fund healthy buildings (air, mould, lead). Every name, tie and source here is made up to show what a campaign’s power map looks like after three months of work.`,
      },
      user.id,
    ),
  );
  await mutate(db, ws.id, user, 'batch', 'Seeded the fictional Healthy Schools Riverside campaign', (ctx) => buildCampaign(ctx, user));
  return ws.id;
}

async function buildCampaign(ctx: WriteContext, user: { id: string }) {
  const id = new Map<string, string>();
  for (const { key, start, moves: _m, ...fields } of cast) {
    const actor = await createActor(ctx, {
      ...fields,
      description: `${fields.description ?? ''}${FICTION}`,
      power: start[0],
      alignment: start[1],
      assessedAt: daysFromNow(-90),
      assessmentNote: 'First reading, at the campaign kick-off',
    });
    id.set(key, actor.id);
  }
  const sourceId = new Map<string, string>();
  for (const { key, ...fields } of sources) {
    sourceId.set(key, (await createSource(ctx, { ...fields, excerpt: FICTION, publishedAt: daysFromNow(-100) })).source.id);
  }
  const tieId = new Map<string, string>();
  for (const { cite, from, to, ...tie } of ties) {
    const created = await createRelationship(ctx, {
      ...tie,
      from: id.get(from)!,
      to: id.get(to)!,
      sourceIds: cite ? [sourceId.get(cite)!] : [],
      description: FICTION,
    } as unknown as RelationshipCreate);
    tieId.set(`${tie.type}:${from}:${to}`, created.id);
  }
  // Readings that move over the three months (the grid's time slider shows them).
  for (const who of cast) {
    for (const [days, power, alignment, note] of who.moves ?? []) {
      await assess(ctx, id.get(who.key)!, { power, alignment, note, at: at(days), source: 'FICTIONAL: organisers’ notes' });
    }
  }

  const demand = await createDemand(ctx, {
    title: 'Fund healthy school buildings',
    description: `${FICTION}\n\nThe district funds, in next year’s budget, air filtration in every classroom, mould removal in the 11 Eastside schools and lead-free drinking water — $18 million over two years — with custodians trained and staffed to keep it so.`,
    status: 'drafting',
    statusAt: at(-85),
    deadline: daysFromNow(180),
    primaryTargetIds: [id.get('board')!, id.get('park')!],
    secondaryTargetIds: ['crestview', 'bank', 'chamber', 'rea', 'pediatricians', 'ruiz'].map((k) => id.get(k)!),
    targetWhy: {
      [id.get('board')!]: 'Votes the budget and the capital plan',
      [id.get('park')!]: 'Writes the budget proposal the board votes on',
      [id.get('crestview')!]: 'Funds two trustees and wants the construction contracts',
      [id.get('bank')!]: 'Underwrites the district’s bonds and lends to Crestview: sensitive to its reputation',
      [id.get('chamber')!]: 'Endorses Trustee Whitfield',
      [id.get('rea')!]: 'Teachers’ endorsement matters to Trustees Morales and Delgado',
      [id.get('pediatricians')!]: 'The superintendent’s medical advisers',
      [id.get('ruiz')!]: 'A friend of the board president',
    },
  });
  // Presented to the board two months ago (the status history keeps both dates).
  await updateDemand(ctx, demand.id, { status: 'presented', statusAt: at(-60), version: demand.version });

  const T = (...keys: string[]) => keys.map((k) => id.get(k)!);
  const actions: Parameters<typeof createAction>[2][] = [
    {
      title: 'Letter from 40 parents to the superintendent',
      date: daysFromNow(-80),
      kind: 'letter',
      escalation: 1,
      targetIds: T('park'),
      lead: 'Parents for Healthy Schools',
      outcome: 'Delivered by hand',
      response: 'A polite acknowledgement, no commitment',
    },
    {
      title: 'Petition (1,200 signatures) presented at the board meeting',
      date: daysFromNow(-60),
      kind: 'petition',
      escalation: 2,
      targetIds: T('board', 'delgado', 'whitfield', 'karim', 'chen', 'morales'),
      lead: 'Rosa Jimenez',
      outcome: 'Read into the minutes',
      response: 'Trustee Chen moved to table it',
    },
    {
      title: 'Delegation of custodians and parents to the superintendent',
      date: daysFromNow(-45),
      kind: 'delegation',
      escalation: 2,
      targetIds: T('park'),
      lead: 'Marcus Bell',
      outcome: '12 people, photos of mould',
      response: 'Promised an air-quality survey',
      responseMove: { actorId: id.get('park')!, alignment: 0, note: 'Promised an air-quality survey after the delegation' },
    },
    {
      title: 'Press conference: the pediatricians’ classroom air study',
      date: daysFromNow(-30),
      kind: 'press',
      escalation: 3,
      targetIds: T('board', 'park'),
      lead: 'Pediatricians for Clean Air',
      outcome: 'Front page of the Tribune',
      response: 'Trustee Karim co-signed the study’s letter',
    },
    {
      title: 'Rally of 400 at the board meeting',
      date: daysFromNow(-14),
      kind: 'rally',
      escalation: 4,
      targetIds: T('board', 'delgado', 'morales'),
      lead: 'Local 514 and Parents for Healthy Schools',
      outcome: '400 people, three TV crews',
      response: 'The board president asked staff for a costed plan',
    },
    {
      title: 'Shareholder question at First Harbor Bank’s annual meeting',
      date: daysFromNow(9),
      kind: 'shareholder_question',
      escalation: 4,
      targetIds: T('bank'),
      lead: 'Local 514 pension trustees',
    },
    {
      title: 'Strike authorisation vote if the budget leaves it out',
      date: daysFromNow(45),
      kind: 'strike',
      escalation: 5,
      targetIds: T('board', 'park'),
      lead: 'Local 514',
    },
  ];
  for (const action of actions) await createAction(ctx, demand.id, action);

  const dates: Parameters<typeof createKeyDate>[1][] = [
    {
      title: 'First Harbor Bank annual shareholder meeting',
      kind: 'shareholder_meeting',
      date: daysFromNow(9),
      actorIds: T('bank'),
      demandIds: [demand.id],
    },
    {
      title: 'Board meeting: budget study session',
      kind: 'board_meeting',
      date: daysFromNow(16),
      actorIds: T('board'),
      demandIds: [demand.id],
    },
    {
      title: 'Board votes the budget',
      kind: 'budget_vote',
      date: daysFromNow(40),
      actorIds: T('board', 'park'),
      demandIds: [demand.id],
      note: 'The last chance to put the $18 million in next year’s budget.',
    },
    {
      title: 'Local 514 contract expires',
      kind: 'contract_expiration',
      date: daysFromNow(60),
      actorIds: T('local', 'board'),
      demandIds: [demand.id],
    },
    {
      title: 'School board election (three seats)',
      kind: 'election',
      date: daysFromNow(330),
      actorIds: T('whitfield', 'chen', 'morales'),
      demandIds: [demand.id],
    },
  ];
  for (const date of dates) await createKeyDate(ctx, date);

  await createTask(ctx, {
    title: 'Find who funds Crestview’s political action committee',
    assigneeId: user.id,
    due: daysFromNow(7),
    actorIds: T('crestview', 'stone'),
  });
  await createTask(ctx, {
    title: 'Confirm First Harbor’s role as bond underwriter',
    assigneeId: user.id,
    due: daysFromNow(5),
    actorIds: T('bank', 'board'),
    status: 'doing',
  });
  await taskFromTie(ctx, tieId.get('FAMILY:stone:chen')!, { assigneeId: user.id, due: daysFromNow(10) });
  await createTask(ctx, { title: 'Who does Trustee Chen listen to in his district?', actorIds: T('chen') });

  const everyone = [...id.values()];
  await createMap(ctx, {
    name: 'Healthy Schools power map',
    description: `${FICTION} Who decides, who moves them, and where everyone stands after three months.`,
    defaultView: 'grid',
    members: everyone.map((actorId) => ({ actorId, x: null, y: null, style: {} })),
    annotations: [
      {
        id: randomUUID(),
        title: '1. Who can say yes',
        text: 'The school board votes the budget; the superintendent writes it. Five trustees sit on the board.',
        actorIds: T('board', 'park', 'delgado', 'whitfield', 'karim', 'chen', 'morales'),
        relationshipIds: [],
      },
      {
        id: randomUUID(),
        title: '2. Follow the money',
        text: 'Crestview funds two trustees and wants the construction contracts; First Harbor Bank lends to Crestview and underwrites the district’s bonds.',
        actorIds: T('crestview', 'stone', 'bank', 'whitfield', 'chen'),
        relationshipIds: [],
      },
      {
        id: randomUUID(),
        title: '3. Our routes in',
        text: 'Rosa Jimenez knows Trustee Karim; the teachers’ association funds Morales and Delgado; the pediatricians advise the superintendent.',
        actorIds: T('jimenez', 'karim', 'rea', 'morales', 'delgado', 'pediatricians', 'park'),
        relationshipIds: [],
      },
      {
        id: randomUUID(),
        title: '4. What moved',
        text: 'After the delegation, the press conference and the rally, the superintendent, the board president and Trustee Morales have moved towards us. Drag the time slider back to the kick-off to see it.',
        actorIds: T('park', 'delgado', 'morales', 'karim'),
        relationshipIds: [],
      },
    ],
  });
}
