import type { Actor, ActorRole, RelationshipType } from '../api/domain';

/**
 * Alignment −3…+3 on ColorBrewer's RdBu diverging scheme (7 classes), which stays
 * distinguishable under the common colour-vision deficiencies; unknown stance is grey.
 */
export const alignmentColors: Record<number, string> = {
  [-3]: '#b2182b',
  [-2]: '#ef8a62',
  [-1]: '#fddbc7',
  0: '#f7f7f7',
  1: '#d1e5f0',
  2: '#67a9cf',
  3: '#2166ac',
};
export const UNKNOWN_COLOR = '#c4c8cf';

export const alignmentLabels: Record<number, string> = {
  [-3]: 'Die-hard opposed',
  [-2]: 'Actively opposed',
  [-1]: 'Inclined against',
  0: 'Neutral',
  1: 'Inclined with us',
  2: 'Actively with us',
  3: 'Die-hard with us',
};
export const powerLabels: Record<number, string> = {
  0: 'Not on the radar',
  1: 'Can get attention',
  2: 'Taken into account',
  3: 'Major influence',
  4: 'Active in the decision',
  5: 'Decisive',
};
export const roleLabels: Record<ActorRole, string> = {
  decision_maker: 'Decision-maker',
  influencer: 'Influencer',
  bad_actor: 'Bad actor',
  ally: 'Ally',
  opponent: 'Opponent',
  base: 'Our base',
};

export function alignmentColor(alignment: number | null): string {
  return alignment === null ? UNKNOWN_COLOR : (alignmentColors[alignment] ?? UNKNOWN_COLOR);
}

/** Dark text on light fills, light text on the two darkest. */
export function textOnAlignment(alignment: number | null): string {
  return alignment === -3 || alignment === 3 ? '#ffffff' : '#1d2430';
}

export type ActorShape = 'triangle' | 'rectangle' | 'ellipse';

/** Organisers' convention: decision-makers triangles, organised groups rectangles, the rest circles. */
export function actorShape(actor: Pick<Actor, 'roles' | 'organized'>): ActorShape {
  if (actor.roles.includes('decision_maker')) return 'triangle';
  if (actor.organized) return 'rectangle';
  return 'ellipse';
}

/** Diameter in model pixels; unknown power draws as a modest size. */
export function actorSize(power: number | null): number {
  return power === null ? 30 : 26 + power * 9;
}

export const isBadActor = (actor: Pick<Actor, 'roles'>) => actor.roles.includes('bad_actor');

export interface EdgeLook {
  color: string;
  line: 'solid' | 'dashed' | 'dotted';
  width: number;
  family: string;
}

/** Edges grouped into families a reader can tell apart by colour and by line pattern. */
export const edgeLooks: Record<RelationshipType, EdgeLook> = {
  POSITION: { color: '#4d5666', line: 'solid', width: 2.5, family: 'Position' },
  MEMBERSHIP: { color: '#7a8291', line: 'solid', width: 2, family: 'Membership' },
  OWNERSHIP: { color: '#8c510a', line: 'solid', width: 3, family: 'Ownership' },
  HIERARCHY: { color: '#8c510a', line: 'dashed', width: 2.5, family: 'Parent / subsidiary' },
  DONATION: { color: '#1b7837', line: 'solid', width: 2.5, family: 'Money' },
  TRANSACTION: { color: '#1b7837', line: 'dashed', width: 2, family: 'Money' },
  LOBBYING: { color: '#1b7837', line: 'dotted', width: 2.5, family: 'Money' },
  FAMILY: { color: '#762a83', line: 'solid', width: 2, family: 'Personal' },
  SOCIAL: { color: '#762a83', line: 'dashed', width: 2, family: 'Personal' },
  PROFESSIONAL: { color: '#762a83', line: 'dotted', width: 2.5, family: 'Personal' },
  INFLUENCE: { color: '#e08214', line: 'solid', width: 3, family: 'Influence' },
  ALLIANCE: { color: '#2166ac', line: 'solid', width: 2.5, family: 'Alliance' },
  OPPOSITION: { color: '#b2182b', line: 'dashed', width: 2.5, family: 'Opposition' },
  GENERIC: { color: '#9aa1ad', line: 'dotted', width: 2, family: 'Other' },
};

export const typeLabels: Record<RelationshipType, string> = {
  POSITION: 'Position',
  MEMBERSHIP: 'Membership',
  OWNERSHIP: 'Ownership',
  DONATION: 'Donation',
  TRANSACTION: 'Transaction',
  LOBBYING: 'Lobbying',
  FAMILY: 'Family',
  SOCIAL: 'Social',
  PROFESSIONAL: 'Professional',
  HIERARCHY: 'Parent / subsidiary',
  INFLUENCE: 'Influence',
  ALLIANCE: 'Alliance',
  OPPOSITION: 'Opposition',
  GENERIC: 'Other tie',
};

/** A categorical palette (Okabe–Ito) for communities, safe for colour-blind readers. */
export const communityColors = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#999999'];
