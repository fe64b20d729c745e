import type { RelationshipType } from '../domain/relationship.js';
import { relationshipRules } from '../domain/relationship.js';

/** How a tie reads when walked against its stored direction ("Acme receives donations from Ana"). */
const backwards: Record<RelationshipType, string> = {
  POSITION: 'has in a position',
  MEMBERSHIP: 'has as a member',
  OWNERSHIP: 'is owned by',
  DONATION: 'receives donations from',
  TRANSACTION: 'does business with',
  LOBBYING: 'is lobbied by',
  FAMILY: 'is family of',
  SOCIAL: 'knows',
  PROFESSIONAL: 'works with',
  HIERARCHY: 'is part of',
  INFLUENCE: 'is influenced by',
  ALLIANCE: 'is allied with',
  OPPOSITION: 'opposes',
  GENERIC: 'is connected to',
};

/** The verb for one step of a route, in the direction the route walks it. */
export function verb(type: RelationshipType, forward: boolean, board = false): string {
  if (type === 'POSITION' && board) return forward ? 'sits on the board of' : 'has on its board';
  return forward ? relationshipRules[type].label : backwards[type];
}

export const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
