import {
  endsProblem,
  relationshipRules,
  relationshipTypeFields,
  sectors,
  type ActorKind,
  type ActorRole,
  type RelationshipType,
  type Sector,
} from '../api/domain';
import { nameKey } from './match';
import { typeLabels } from './visual';

/**
 * The quick-add line: one line of research notes becomes an actor or a cited tie.
 *
 *   Maria Delgado, person, decision-maker, power 5
 *   Harbor Point -> Maria Delgado donation $5,000 2024-03-01 https://example.org/filing
 *
 * Pure: the caller passes the actors it knows; the answer says what would be created, and
 * in words what was not understood.
 */

export interface KnownActor {
  id: string;
  name: string;
  kind: ActorKind;
  aliases?: readonly string[];
}

export interface ActorDraft {
  kind: ActorKind;
  name: string;
  organized: boolean;
  roles: ActorRole[];
  power: number | null;
  alignment: number | null;
  sector: Sector | null;
  tags: string[];
}

export interface TieDraft {
  type: RelationshipType;
  from: string;
  to: string;
  amount: number | null;
  currency: string | null;
  /** The first date: the donation's date, or when the tie began. */
  date: string | null;
  /** A second date: when the tie ended. */
  endDate: string | null;
  url: string | null;
}

export type QuickAdd =
  | { kind: 'actor'; actor: ActorDraft; problems: string[] }
  | { kind: 'tie'; tie: TieDraft | null; fromName: string; toName: string; problems: string[] };

const ARROW = /\s*(?:→|->|=>)\s*/;

/** Words for the kind of actor; `organized` draws the actor as an organised group. */
const kindWords: Record<string, { kind: ActorKind; organized: boolean }> = {
  person: { kind: 'person', organized: false },
  individual: { kind: 'person', organized: false },
  org: { kind: 'organization', organized: false },
  organisation: { kind: 'organization', organized: false },
  organization: { kind: 'organization', organized: false },
  company: { kind: 'organization', organized: false },
  group: { kind: 'organization', organized: true },
  'organised group': { kind: 'organization', organized: true },
  'organized group': { kind: 'organization', organized: true },
};

const roleWords: Record<string, ActorRole> = {
  'decision-maker': 'decision_maker',
  'decision maker': 'decision_maker',
  decisionmaker: 'decision_maker',
  dm: 'decision_maker',
  target: 'decision_maker',
  influencer: 'influencer',
  'bad actor': 'bad_actor',
  'bad-actor': 'bad_actor',
  ally: 'ally',
  opponent: 'opponent',
  base: 'base',
  'our base': 'base',
};

/** Stance words; "ally" and "opponent" are roles that also say where the actor stands unless a number does. */
const alignmentWords: Record<string, number> = {
  'die-hard opposed': -3,
  hostile: -3,
  opposed: -2,
  against: -2,
  'inclined against': -1,
  'leaning against': -1,
  neutral: 0,
  undecided: 0,
  'inclined with us': 1,
  'leaning with us': 1,
  'with us': 2,
  supporter: 2,
  supportive: 2,
  champion: 3,
  'die-hard with us': 3,
};
const roleStance: Partial<Record<ActorRole, number>> = { ally: 2, opponent: -2 };

/** Words for each type of tie: its label, the verb of its rule and a few plain synonyms. */
const typeWords: Record<string, RelationshipType> = (() => {
  const out: Record<string, RelationshipType> = {};
  for (const [type, label] of Object.entries(typeLabels) as [RelationshipType, string][]) {
    out[label.toLowerCase()] = type;
    out[relationshipRules[type].label.toLowerCase()] = type;
    out[type.toLowerCase()] = type;
  }
  Object.assign(out, {
    donation: 'DONATION',
    donated: 'DONATION',
    donates: 'DONATION',
    'gave to': 'DONATION',
    owns: 'OWNERSHIP',
    owner: 'OWNERSHIP',
    member: 'MEMBERSHIP',
    'member of': 'MEMBERSHIP',
    board: 'POSITION',
    'board member': 'POSITION',
    seat: 'POSITION',
    works: 'POSITION',
    'works at': 'POSITION',
    employee: 'POSITION',
    lobbies: 'LOBBYING',
    lobbyist: 'LOBBYING',
    family: 'FAMILY',
    knows: 'SOCIAL',
    friend: 'SOCIAL',
    colleague: 'PROFESSIONAL',
    'works with': 'PROFESSIONAL',
    parent: 'HIERARCHY',
    subsidiary: 'HIERARCHY',
    influences: 'INFLUENCE',
    allied: 'ALLIANCE',
    'allied with': 'ALLIANCE',
    opposes: 'OPPOSITION',
    contract: 'TRANSACTION',
    business: 'TRANSACTION',
    'does business with': 'TRANSACTION',
    tie: 'GENERIC',
    connected: 'GENERIC',
  } satisfies Record<string, RelationshipType>);
  return out;
})();

/** The words type-ahead offers after the ends of a tie, and in an actor's list of traits. */
export const tieTypeWords = Object.keys(typeWords).filter((w) => !w.includes('_'));
export const actorTraitWords = [
  'person',
  'organisation',
  'organised group',
  'decision-maker',
  'influencer',
  'bad actor',
  'ally',
  'opponent',
  'our base',
  'power ',
  'alignment ',
  ...Object.keys(alignmentWords),
  ...sectors,
];

const currencySigns: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY' };
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const AMOUNT = /^([$€£¥])?(\d[\d,]*(?:\.\d+)?)([kKmMbB])?$/;
const CURRENCY = /^[A-Za-z]{3}$/;
const URL_LIKE = /^(?:https?:\/\/\S+|(?:[\w-]+\.)+[a-z]{2,}(?:[/?#]\S*)?)$/i;

function validDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function parseAmount(token: string): { amount: number; currency: string | null } | null {
  const m = AMOUNT.exec(token);
  if (!m) return null;
  const scale = { k: 1e3, m: 1e6, b: 1e9 }[(m[3] ?? '').toLowerCase()] ?? 1;
  const amount = Number(m[2]!.replace(/,/g, '')) * scale;
  if (!Number.isFinite(amount)) return null;
  return { amount, currency: m[1] ? currencySigns[m[1]]! : null };
}

/** A URL as typed, with https:// added to a bare "example.org/page". */
export function urlOf(token: string): string | null {
  if (!URL_LIKE.test(token)) return null;
  const url = /^https?:\/\//i.test(token) ? token : `https://${token}`;
  try {
    new URL(url);
    return url;
  } catch {
    return null;
  }
}

/** Reads a quick-add line; null when it is neither an actor (a comma after the name) nor a tie (an arrow). */
export function parseQuickAdd(line: string, known: readonly KnownActor[]): QuickAdd | null {
  const text = line.trim();
  if (ARROW.test(text)) return parseTie(text, known);
  if (text.includes(',') || text.startsWith('+')) return parseActor(text.replace(/^\+\s*/, ''));
  return null;
}

function parseActor(text: string): QuickAdd {
  const [rawName, ...rest] = text.split(',');
  const name = rawName!.trim();
  const problems: string[] = [];
  if (!name) problems.push('Start with the name, then a comma.');
  const actor: ActorDraft = { kind: 'person', name, organized: false, roles: [], power: null, alignment: null, sector: null, tags: [] };
  let kindSaid = false;
  for (const part of rest.map((p) => p.trim().toLowerCase()).filter(Boolean)) {
    for (const phrase of phrases(part)) {
      const trait = traitOf(phrase);
      if (!trait) {
        problems.push(`“${phrase}” is not a kind, a role, a sector, “power 0–5” or “alignment −3…+3”.`);
        continue;
      }
      if ('problem' in trait) problems.push(trait.problem);
      else if ('kind' in trait) {
        if (kindSaid && (actor.kind !== trait.kind.kind || actor.organized !== trait.kind.organized))
          problems.push(`Two kinds were given; “${phrase}” was kept.`);
        actor.kind = trait.kind.kind;
        actor.organized = trait.kind.organized;
        kindSaid = true;
      } else if ('role' in trait) {
        if (!actor.roles.includes(trait.role)) actor.roles.push(trait.role);
      } else if ('power' in trait) actor.power = trait.power;
      else if ('alignment' in trait) actor.alignment = trait.alignment;
      else if ('sector' in trait) actor.sector = trait.sector;
      else actor.tags.push(trait.tag);
    }
  }
  if (actor.alignment === null) {
    const stance = actor.roles.map((r) => roleStance[r]).find((s) => s !== undefined);
    if (stance !== undefined) actor.alignment = stance;
  }
  if (actor.organized && actor.kind === 'person') actor.organized = false;
  return { kind: 'actor', actor, problems };
}

type Trait =
  | { kind: { kind: ActorKind; organized: boolean } }
  | { role: ActorRole }
  | { power: number }
  | { alignment: number }
  | { sector: Sector }
  | { tag: string }
  | { problem: string };

function traitOf(phrase: string): Trait | null {
  if (kindWords[phrase]) return { kind: kindWords[phrase] };
  if (roleWords[phrase]) return { role: roleWords[phrase] };
  if (phrase in alignmentWords) return { alignment: alignmentWords[phrase]! };
  if ((sectors as readonly string[]).includes(phrase)) return { sector: phrase as Sector };
  if (phrase.startsWith('#') && phrase.length > 1) return { tag: phrase.slice(1) };
  const power = /^(?:power|p)\s*(-?\d+)$/.exec(phrase);
  if (power) {
    const p = Number(power[1]);
    return p >= 0 && p <= 5 ? { power: p } : { problem: `Power is 0 to 5, not ${p}.` };
  }
  const align = /^(?:alignment|align|a)\s*([+−-]?\d+)$/.exec(phrase);
  if (align) {
    const a = Number(align[1]!.replace('−', '-'));
    return a >= -3 && a <= 3 ? { alignment: a } : { problem: `Alignment is −3 to +3, not ${align[1]}.` };
  }
  return null;
}

/** A comma-separated part read as known phrases, longest first; "person dm p5" works too. */
function phrases(part: string): string[] {
  if (traitOf(part)) return [part];
  const words = part.split(/\s+/);
  const out: string[] = [];
  for (let i = 0; i < words.length;) {
    let taken = 0;
    for (let n = Math.min(4, words.length - i); n >= 1 && !taken; n--) {
      const phrase = words.slice(i, i + n).join(' ');
      if (traitOf(phrase)) {
        out.push(phrase);
        taken = n;
      }
    }
    if (!taken) {
      out.push(words[i]!);
      taken = 1;
    }
    i += taken;
  }
  return out;
}

/** The known actor a typed name means: same name key, or failing that one whose name starts with it. */
export function resolveActor(typed: string, known: readonly KnownActor[]): KnownActor | null {
  const key = nameKey(typed);
  if (!key) return null;
  const keys = (a: KnownActor) => [a.name, ...(a.aliases ?? [])].map(nameKey);
  const exact = known.filter((a) => keys(a).includes(key));
  if (exact.length) return exact[0]!;
  const prefix = known.filter((a) => keys(a).some((k) => k.startsWith(key)));
  return prefix.length === 1 ? prefix[0]! : null;
}

/** The longest run of leading words that names a known actor, and what follows it. */
function leadingActor(words: string[], known: readonly KnownActor[]): { actor: KnownActor; used: number } | null {
  for (let n = words.length; n >= 1; n--) {
    const key = nameKey(words.slice(0, n).join(' '));
    const actor = known.find((a) => [a.name, ...(a.aliases ?? [])].some((x) => nameKey(x) === key));
    if (actor) return { actor, used: n };
  }
  return null;
}

/** Where the tie's type begins: the first run of words (longest first) that names a type. */
function typeAt(words: string[], from: number): { type: RelationshipType; at: number; used: number } | null {
  for (let i = from; i < words.length; i++) {
    for (let n = Math.min(4, words.length - i); n >= 1; n--) {
      const type =
        typeWords[
          words
            .slice(i, i + n)
            .join(' ')
            .toLowerCase()
        ];
      if (type) return { type, at: i, used: n };
    }
  }
  return null;
}

function parseTie(text: string, known: readonly KnownActor[]): QuickAdd {
  const [left, ...right] = text.split(ARROW);
  const fromName = left!.trim();
  const words = right.join(' ').trim().split(/\s+/).filter(Boolean);
  const problems: string[] = [];
  if (right.length > 1) problems.push('Only one arrow: “from → to type”.');

  // The far end: a known name if the line starts with one, else everything up to the type.
  const lead = leadingActor(words, known);
  const typed = typeAt(words, lead ? lead.used : 1);
  const toWords = lead ? words.slice(0, lead.used) : words.slice(0, typed ? typed.at : words.length);
  const toName = toWords.join(' ');
  const from = resolveActor(fromName, known);
  const to = lead?.actor ?? resolveActor(toName, known);
  if (!fromName) problems.push('Name who the tie is from before the arrow.');
  else if (!from) problems.push(`No actor called “${fromName}” on this map: add it first (“${fromName}, person”).`);
  if (!toName) problems.push('Name who the tie goes to after the arrow.');
  else if (!to) problems.push(`No actor called “${toName}” on this map: add it first (“${toName}, person”).`);

  const type = typed?.type ?? null;
  if (!type)
    problems.push(`Say what kind of tie it is after the names, e.g. ${['donation', 'board', 'member of', 'influences'].join(', ')}.`);
  const tail = typed ? [...words.slice(toWords.length, typed.at), ...words.slice(typed.at + typed.used)] : words.slice(toWords.length);

  const tie: TieDraft = {
    type: type ?? 'GENERIC',
    from: from?.id ?? '',
    to: to?.id ?? '',
    amount: null,
    currency: null,
    date: null,
    endDate: null,
    url: null,
  };
  for (let i = 0; i < tail.length; i++) {
    const token = tail[i]!;
    if (validDate(token)) {
      if (!tie.date) tie.date = token;
      else if (!tie.endDate) tie.endDate = token;
      else problems.push(`A third date “${token}”: give when it began and when it ended, no more.`);
      continue;
    }
    if (DATE.test(token)) {
      problems.push(`“${token}” is not a date on the calendar (year-month-day).`);
      continue;
    }
    const url = urlOf(token);
    if (url) {
      if (tie.url) problems.push(`Two sources: “${token}” was left out (cite more in the details panel).`);
      else tie.url = url;
      continue;
    }
    const money = parseAmount(token);
    if (money) {
      tie.amount = money.amount;
      tie.currency = money.currency ?? tie.currency;
      const next = tail[i + 1];
      if (next && CURRENCY.test(next) && !typeWords[next.toLowerCase()]) {
        tie.currency = next.toUpperCase();
        i++;
      }
      continue;
    }
    problems.push(`“${token}” is not a date (2024-03-01), an amount ($5,000) or a source link.`);
  }

  if (type) {
    const fields = relationshipTypeFields[type] as Record<string, unknown>;
    if (tie.amount !== null && !('amount' in fields)) problems.push(`${typeLabels[type]} ties have no amount.`);
    if (from && to) {
      if (from.id === to.id) problems.push('A tie joins two different actors.');
      const ends = endsProblem(type, from.kind, to.kind);
      if (ends) problems.push(`${typeLabels[type]}: ${ends}`);
    }
  }
  const ok = !!(type && from && to) && problems.length === 0;
  return { kind: 'tie', tie: ok ? tie : null, fromName, toName, problems };
}

/** The relationship fields a drafted tie sets (type-specific amount and date where the type has them). */
export function tieFields(tie: TieDraft): Record<string, unknown> {
  const fields = relationshipTypeFields[tie.type] as Record<string, unknown>;
  const out: Record<string, unknown> = { type: tie.type, from: tie.from, to: tie.to };
  if (tie.amount !== null) out.amount = tie.amount;
  if (tie.currency !== null && 'currency' in fields) out.currency = tie.currency;
  if (tie.date) {
    if ('date' in fields) out.date = tie.date;
    out.startDate = tie.date;
  }
  if (tie.endDate) out.endDate = tie.endDate;
  return out;
}

export interface Completion {
  /** The line with the word being typed completed. */
  line: string;
  /** What the word becomes. */
  word: string;
}

/**
 * Type-ahead for the word being typed: actor names at either end of a tie, types after the
 * far end, kinds and roles in an actor's list; empty when nothing fits.
 */
export function complete(line: string, known: readonly KnownActor[]): Completion[] {
  const options = (prefix: string, words: readonly string[], head: string, after: string): Completion[] => {
    const p = prefix.trim().toLowerCase();
    if (!p) return [];
    const seen = new Set<string>();
    return words
      .filter((w) => w.toLowerCase().startsWith(p) && w.toLowerCase() !== p)
      .filter((w) => !seen.has(w.toLowerCase()) && seen.add(w.toLowerCase()))
      .slice(0, 6)
      .map((w) => ({ word: w, line: `${head}${w}${after}` }));
  };
  const names = known.map((a) => a.name);
  const arrow = ARROW.exec(line);
  if (arrow) {
    const head = line.slice(0, arrow.index + arrow[0].length);
    const right = line.slice(head.length);
    const lead = leadingActor(right.trim().split(/\s+/).filter(Boolean), known);
    if (!lead) {
      // Still typing the far end's name.
      if (/\s$/.test(right) && resolveActor(right, known)) return [];
      return options(right, names, head, ' ');
    }
    const last = /(\S*)$/.exec(right)![1]!;
    if (!last || /^[\d$€£¥]/.test(last)) return [];
    // After the name only a type is completed; dates, amounts and links are typed.
    const done = right.slice(0, right.length - last.length);
    return options(last, tieTypeWords, head + done, ' ');
  }
  const comma = line.lastIndexOf(',');
  if (comma >= 0) {
    const head = line.slice(0, comma + 1) + ' ';
    return options(line.slice(comma + 1), actorTraitWords, head, ', ').map((c) =>
      c.word.endsWith(' ') ? { ...c, line: `${head}${c.word}` } : c,
    );
  }
  return options(line, names, '', ' -> ');
}
