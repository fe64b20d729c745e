/** The server's zod schemas and types: one source of truth for validation on both ends. */
export * from '../../../server/domain/actor.js';
export * from '../../../server/domain/relationship.js';
export * from '../../../server/domain/source.js';
export * from '../../../server/domain/map.js';
export * from '../../../server/domain/assessment.js';
export * from '../../../server/domain/change.js';
export * from '../../../server/domain/demand.js';
export * from '../../../server/domain/action.js';
export * from '../../../server/domain/key-date.js';
export * from '../../../server/domain/task.js';
export * from '../../../server/domain/workspace.js';
export * from '../../../server/domain/share.js';
export * from '../../../server/domain/internal-fields.js';
export * from '../../../server/domain/map-link.js';
export { signup, login, PASSWORD_MIN, passwordChange, tokenCreate, TOKEN_MAX_DAYS, type ApiToken, type TokenCreate, type User } from '../../../server/domain/auth.js';
export type { BatchOperation } from '../../../server/domain/batch.js';

import type { z } from 'zod';
import type { mapDetail, mapSummary } from '../../../server/domain/map.js';
import type { Actor } from '../../../server/domain/actor.js';
import type { Relationship, RelationshipType } from '../../../server/domain/relationship.js';
import type { Source } from '../../../server/domain/source.js';

export type MapDetail = z.infer<typeof mapDetail>;
export type MapSummary = z.infer<typeof mapSummary>;

export interface ActorDetail extends Actor {
  relationships: Partial<Record<RelationshipType, { relationship: Relationship; direction: 'out' | 'in'; other: { id: string; name: string; kind: 'person' | 'organization' } }[]>>;
  sources: Source[];
  maps: { id: string; name: string }[];
}

export interface BatchResult {
  changeId: string;
  results: { op: string; entity: string; id: string; version: number | null }[];
}
