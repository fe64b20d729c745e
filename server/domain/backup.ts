import { z } from 'zod';
import { actorFields } from './actor.js';
import { alignment, power } from './actor.js';
import { changeActions, diff } from './change.js';
import { id, isoDateTime, longText, version } from './common.js';
import { demandFields, statusChange } from './demand.js';
import { internalFieldsUpdate } from './internal-fields.js';
import { mapFields } from './map.js';
import { relationshipCommon, relationshipTypeFields, relationshipTypes, type RelationshipType } from './relationship.js';
import { sourceFields } from './source.js';

/**
 * A whole workspace as one JSON document (docs/backup-format.md). Records are written
 * complete; on reading, fields a record leaves out take their defaults, so that a backup
 * made before a field existed still restores.
 */
export const BACKUP_FORMAT = 'powermap-backup';
export const BACKUP_VERSION = 1;

/** Most records one backup may hold of each kind (a restore is one transaction). */
export const BACKUP_MAX = {
  actors: 200_000,
  relationships: 500_000,
  sources: 200_000,
  demands: 10_000,
  assessments: 500_000,
  maps: 5_000,
  changes: 100_000,
};

const bookkeeping = { id, version, createdAt: isoDateTime, updatedAt: isoDateTime };

export const backupActor = z
  .strictObject({ ...bookkeeping, ...actorFields })
  .partial()
  .required({ id: true, kind: true, name: true });
export type BackupActor = z.infer<typeof backupActor>;

function relationshipVariant<T extends RelationshipType>(type: T) {
  return z
    .strictObject({
      ...bookkeeping,
      type: z.literal(type),
      ...relationshipCommon,
      ...(relationshipTypeFields[type] as (typeof relationshipTypeFields)[T]),
    })
    .partial()
    .required({ id: true, type: true, from: true, to: true });
}

export const backupRelationship = z.discriminatedUnion(
  'type',
  relationshipTypes.map((t) => relationshipVariant(t)) as unknown as [
    ReturnType<typeof relationshipVariant<'POSITION'>>,
    ...ReturnType<typeof relationshipVariant<RelationshipType>>[],
  ],
);
export type BackupRelationship = z.infer<typeof backupRelationship>;

export const backupSource = z
  .strictObject({ ...bookkeeping, ...sourceFields })
  .partial()
  .required({ id: true, url: true });
export type BackupSource = z.infer<typeof backupSource>;

export const backupDemand = z
  .strictObject({ ...bookkeeping, ...demandFields, statusHistory: z.array(statusChange) })
  .partial()
  .required({ id: true, title: true });
export type BackupDemand = z.infer<typeof backupDemand>;

export const backupAssessment = z.strictObject({
  id,
  actorId: id,
  power,
  alignment,
  note: z.string().max(2000).default(''),
  at: isoDateTime,
  authorId: id.nullable().default(null),
  authorName: z.string().max(200).nullable().default(null),
});
export type BackupAssessment = z.infer<typeof backupAssessment>;

export const backupMap = z
  .strictObject({ ...bookkeeping, ...mapFields })
  .partial()
  .required({ id: true, name: true });
export type BackupMap = z.infer<typeof backupMap>;

export const backupChange = z.strictObject({
  id,
  seq: z.number().int().min(1),
  at: isoDateTime,
  userId: id.nullable(),
  userName: z.string().max(200).nullable(),
  action: z.enum(changeActions),
  summary: z.string().max(2000),
  diffs: z.array(diff),
  revertOf: id.nullable(),
  revertedBy: id.nullable(),
});
export type BackupChange = z.infer<typeof backupChange>;

const backupInternalFields = internalFieldsUpdate.omit({ version: true });

export const backup = z
  .object({
    format: z.literal(BACKUP_FORMAT, { error: `is not "${BACKUP_FORMAT}": this file is not a powermap backup` }),
    version: z.literal(BACKUP_VERSION, {
      error: (issue) => `is ${JSON.stringify(issue.input)}; this server reads backups of version ${BACKUP_VERSION}`,
    }),
    exportedAt: isoDateTime,
    workspace: z.object({ name: z.string().trim().min(1).max(200), description: longText.default('') }),
    internalFields: backupInternalFields
      .default({ actor: [], relationship: [], assessment: [] })
      .describe('Fields the workspace keeps to itself, besides the ones always internal'),
    actors: z.array(backupActor).max(BACKUP_MAX.actors).default([]),
    relationships: z.array(backupRelationship).max(BACKUP_MAX.relationships).default([]),
    sources: z.array(backupSource).max(BACKUP_MAX.sources).default([]),
    demands: z.array(backupDemand).max(BACKUP_MAX.demands).default([]),
    assessments: z
      .array(backupAssessment)
      .max(BACKUP_MAX.assessments)
      .default([])
      .describe('Every reading, oldest first: the history of power and alignment'),
    maps: z.array(backupMap).max(BACKUP_MAX.maps).default([]),
    history: z
      .array(backupChange)
      .max(BACKUP_MAX.changes)
      .nullable()
      .default(null)
      .describe('The change history, oldest first; null when the backup was made without it'),
  })
  .meta({ id: 'Backup', description: 'Everything a workspace is, versioned (docs/backup-format.md).' });
export type Backup = z.output<typeof backup>;
export type BackupInput = z.input<typeof backup>;

export const restoreQuery = z.object({
  history: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true')
    .describe('Also restore the change history the backup holds'),
});

export const restoreResult = z
  .object({
    workspaceId: id,
    counts: z.object({
      actors: z.number().int(),
      relationships: z.number().int(),
      sources: z.number().int(),
      demands: z.number().int(),
      assessments: z.number().int(),
      maps: z.number().int(),
      changes: z.number().int(),
    }),
    renamed: z.number().int().describe('Records that got a fresh id because theirs was taken in the workspace'),
    sourcesMatched: z.number().int().describe('Sources whose URL the workspace already had: the existing one is cited instead'),
    historyRestored: z.boolean(),
  })
  .meta({ id: 'RestoreResult' });
export type RestoreResult = z.infer<typeof restoreResult>;
