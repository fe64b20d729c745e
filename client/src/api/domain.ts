/** The server's zod schemas and types: one source of truth for validation on both ends. */
export * from '../../../server/domain/actor.js';
export * from '../../../server/domain/relationship.js';
export * from '../../../server/domain/source.js';
export * from '../../../server/domain/source-index.js';
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
export * from '../../../server/domain/export.js';
export * from '../../../server/domain/import-job.js';
export {
  signup,
  login,
  PASSWORD_MIN,
  passwordChange,
  tokenCreate,
  TOKEN_MAX_DAYS,
  type ApiToken,
  type TokenCreate,
  type User,
} from '../../../server/domain/auth.js';
export type { BatchOperation, BatchResult } from '../../../server/domain/batch.js';
export * from '../../../server/domain/actor-detail.js';
export * from '../../../server/domain/ownership.js';
export type {
  BrokersAnswer,
  CommunitiesAnswer,
  Community,
  InterlocksAnswer,
  LeverageAnswer,
  PathsAnswer,
} from '../../../server/domain/analysis.js';
