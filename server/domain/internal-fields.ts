import { z } from 'zod';
import { version } from './common.js';

/** The kinds of record whose fields a workspace may keep to itself. */
export const internalKinds = ['actor', 'relationship', 'assessment'] as const;
export type InternalKind = (typeof internalKinds)[number];

/** Internal in every workspace: what these fields hold is only ever for the workspace itself. */
export const alwaysInternal = {
  actor: ['contactOwner', 'privateNotes'],
  relationship: ['privateNotes'],
  assessment: [],
} as const satisfies Record<InternalKind, readonly string[]>;

/**
 * What an owner may add. A closed list, so that a setting can never name a field the
 * redaction does not know, and so that the identity of a record (id, name, type, ends)
 * always travels with it.
 */
export const addableInternal = {
  actor: ['description', 'aliases', 'tags', 'roles', 'power', 'alignment', 'interests', 'powerSources', 'externalIds', 'links', 'image'],
  relationship: [
    'description',
    'strength',
    'startDate',
    'endDate',
    'compensation',
    'amount',
    'percent',
    'percentMin',
    'percentMax',
    'shares',
    'value',
    'commitment',
    'contract',
    'filing',
  ],
  assessment: ['note', 'authorName'],
} as const satisfies Record<InternalKind, readonly string[]>;

export type InternalFieldLists = { [K in InternalKind]: string[] };

const MAX_FIELDS = 20;

function fieldList<K extends InternalKind>(kind: K) {
  const allowed = addableInternal[kind] as readonly string[];
  const always = alwaysInternal[kind] as readonly string[];
  return (
    z
      .array(
        z
          .string()
          .max(100)
          .refine((name) => allowed.includes(name) || always.includes(name), {
            error: (issue) =>
              `"${String(issue.input).slice(0, 100)}" is not a ${kind} field that can be made internal; choose from ${allowed.join(', ')}`,
          }),
      )
      .max(MAX_FIELDS)
      .default([])
      // The fields that are always internal may be listed; they are simply not stored twice.
      .transform((names) => [...new Set(names)].filter((name) => !always.includes(name)).sort())
      .describe(
        `Fields of ${kind}s to keep inside the workspace, besides ${always.length ? always.join(' and ') : 'none'}: any of ${allowed.join(', ')}`,
      )
  );
}

export const internalFieldsUpdate = z
  .strictObject({
    actor: fieldList('actor'),
    relationship: fieldList('relationship'),
    assessment: fieldList('assessment'),
    version: version.optional().describe('The version of the settings you edited (or send If-Match)'),
  })
  .meta({
    id: 'InternalFieldsUpdate',
    description: 'The full list of fields an owner adds, per kind of record (a list left out means none).',
  });

const lists = z.object({ actor: z.array(z.string()), relationship: z.array(z.string()), assessment: z.array(z.string()) });

export const internalFields = z
  .object({
    always: lists.describe('Internal in every workspace'),
    added: lists.describe('Made internal by an owner of this workspace'),
    allowed: lists.describe('What an owner may add'),
    version,
  })
  .meta({
    id: 'InternalFields',
    description: 'What never leaves the workspace through a public link, a share, a partner export or a partner stream.',
  });
export type InternalFieldsSettings = z.infer<typeof internalFields>;
