import { randomUUID } from 'node:crypto';
import type { Assessment } from '../domain/assessment.js';
import { actorStore } from '../repos/actors.js';
import { assessmentStore, readingsAfter } from '../repos/assessments.js';
import { createEntity, loadOr404, replaceEntity } from './entities.js';
import type { WriteContext } from './unit-of-work.js';

/**
 * Appends a dated reading. It becomes the actor's current power and alignment unless a
 * later reading already exists (back-dated readings fill in the timeline only).
 */
export async function assess(
  ctx: WriteContext,
  actorId: string,
  input: { power: number; alignment: number; note: string; at?: string | undefined; id?: string | undefined },
): Promise<Assessment> {
  const actor = await loadOr404(ctx, actorStore, actorId);
  const at = input.at ? new Date(input.at).toISOString() : new Date().toISOString();
  const later = await readingsAfter(ctx.tx, ctx.ws, actorId, at);
  const assessment = await createEntity(ctx, assessmentStore, {
    id: input.id ?? randomUUID(),
    actorId,
    power: input.power,
    alignment: input.alignment,
    note: input.note,
    at,
    authorId: ctx.author?.id ?? null,
    authorName: ctx.author?.name ?? null,
    version: 1,
  });
  if (!later && (actor.power !== input.power || actor.alignment !== input.alignment)) {
    await replaceEntity(ctx, actorStore, actor, { ...actor, power: input.power, alignment: input.alignment });
  }
  const { version: _v, ...plain } = assessment;
  return plain;
}
