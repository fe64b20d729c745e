import { randomUUID } from 'node:crypto';
import { normalizeUrl, sourceData, sourceDefaults, type Source } from '../domain/source.js';
import { conflict, parseOrInvalid } from '../domain/errors.js';
import { dataOf } from '../domain/record.js';
import { citationsOf, sourceByUrl, sourceStore } from '../repos/sources.js';
import { nowIso } from '../repos/entity-store.js';
import { createEntity, deleteEntity, loadOr404, updateEntity } from './entities.js';
import type { WriteContext } from './unit-of-work.js';

type SourceInput = Partial<Omit<Source, 'id' | 'version' | 'createdAt' | 'updatedAt'>> & { url: string; id?: string | undefined };

/** The same page is one source: citing a URL already known returns that source. */
export async function createSource(ctx: WriteContext, input: SourceInput, prefix = 'body'): Promise<{ source: Source; existing: boolean }> {
  const { id, ...fields } = input;
  const data = parseOrInvalid(sourceData, { ...sourceDefaults, ...fields }, prefix);
  const existing = await sourceByUrl(ctx.tx, ctx.ws, data.url);
  if (existing) return { source: existing, existing: true };
  const now = nowIso();
  const source = await createEntity(ctx, sourceStore, { id: id ?? randomUUID(), ...data, version: 1, createdAt: now, updatedAt: now });
  return { source, existing: false };
}

export function updateSource(
  ctx: WriteContext,
  id: string,
  patch: Partial<SourceInput> & { version?: number | undefined },
  prefix = 'body',
) {
  const { version, id: _ignored, ...fields } = patch;
  return updateEntity(ctx, sourceStore, id, version, async (current) => {
    const rest = dataOf(current);
    const data = parseOrInvalid(sourceData, { ...rest, ...fields }, prefix);
    if (normalizeUrl(data.url) !== normalizeUrl(current.url)) {
      const clash = await sourceByUrl(ctx.tx, ctx.ws, data.url);
      if (clash) throw conflict(`Another source (${clash.id}) already has that URL.`, { current: clash });
    }
    return { ...current, ...data };
  });
}

/** A cited source stays until nothing cites it, so no claim silently loses its evidence. */
export async function deleteSource(ctx: WriteContext, id: string, version: number | undefined) {
  await loadOr404(ctx, sourceStore, id);
  const cited = await citationsOf(ctx.tx, ctx.ws, id);
  if (cited > 0) {
    throw conflict(`This source is cited by ${cited} record${cited === 1 ? '' : 's'}; remove those citations before deleting it.`);
  }
  return deleteEntity(ctx, sourceStore, id, version);
}
