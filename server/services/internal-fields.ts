import type { Tx } from '../db/gateway.js';
import { addableInternal, alwaysInternal, type InternalFieldLists, type InternalFieldsSettings } from '../domain/internal-fields.js';
import { conflict, notFound } from '../domain/errors.js';
import { internalFieldsRepo, type StoredInternalFields } from '../repos/internal-fields.js';
import { internalFieldSet, type InternalFields } from './redact.js';

const copy = (lists: Record<string, readonly string[]>) =>
  ({
    actor: [...(lists.actor ?? [])],
    relationship: [...(lists.relationship ?? [])],
    assessment: [...(lists.assessment ?? [])],
  }) as InternalFieldLists;

function settings(stored: StoredInternalFields): InternalFieldsSettings {
  return { always: copy(alwaysInternal), added: copy(stored.added), allowed: copy(addableInternal), version: stored.version };
}

/** What an outward path must withhold for this workspace. */
export async function loadInternalFields(tx: Tx, ws: string): Promise<InternalFields> {
  const stored = await internalFieldsRepo.get(tx, ws);
  if (!stored) throw notFound('Workspace');
  return internalFieldSet(stored.added);
}

export async function readSettings(tx: Tx, ws: string): Promise<InternalFieldsSettings> {
  const stored = await internalFieldsRepo.get(tx, ws);
  if (!stored) throw notFound('Workspace');
  return settings(stored);
}

/** Replaces the owner's additions, if the settings are still the version the owner edited. */
export async function replaceSettings(
  tx: Tx,
  ws: string,
  added: InternalFieldLists,
  based: number | undefined,
): Promise<InternalFieldsSettings> {
  const current = await internalFieldsRepo.get(tx, ws, { forUpdate: true });
  if (!current) throw notFound('Workspace');
  if (based !== undefined && based !== current.version) {
    throw conflict(
      `The internal fields were changed by someone else (you edited version ${based}, they are now version ${current.version}); nothing was saved.`,
      { current: settings(current) },
    );
  }
  const version = await internalFieldsRepo.set(tx, ws, added);
  return settings({ added, version });
}
