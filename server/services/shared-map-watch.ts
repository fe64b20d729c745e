import { createHash } from 'node:crypto';
import type { Gateway } from '../db/gateway.js';
import { sharesRepo } from '../repos/shares.js';
import { redactForPartner } from './share-redaction.js';
import { loadSharedMap, sharedMapNotFound } from './shares.js';

/**
 * A digest of the shared map exactly as the partner sees it (redacted), or null once the
 * share is no longer open to `ws`. Two equal digests mean the partner has nothing new to
 * see, so a change to unshared work or to internal fields tells them nothing.
 */
export async function sharedMapFingerprint(db: Gateway, ws: string, shareId: string): Promise<string | null> {
  const share = await db.read((tx) => sharesRepo.open(tx, ws, shareId));
  if (!share) return null;
  const detail = await db
    .read((tx) => loadSharedMap(tx, share))
    .catch((error: unknown) => {
      if (error instanceof Error && error.message === sharedMapNotFound().message) return null;
      throw error;
    });
  if (!detail) return null;
  const shown = await redactForPartner(db, share.ownerWorkspace.id, detail);
  // Version numbers and times move with an edit to an internal field too: they are left out.
  const seen = JSON.stringify(shown, (key, value: unknown) => (key === 'version' || key === 'updatedAt' ? undefined : value));
  return createHash('sha256').update(seen).digest('hex');
}

/** The digest for a stream about to open: a share that is not open answers 404. */
export async function openSharedMapFingerprint(db: Gateway, ws: string, shareId: string): Promise<string> {
  const digest = await sharedMapFingerprint(db, ws, shareId);
  if (digest === null) throw sharedMapNotFound();
  return digest;
}
