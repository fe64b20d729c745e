import { randomUUID } from 'node:crypto';
import type { AssessmentRecorded } from '../domain/assessment.js';
import { actorStore } from '../repos/actors.js';
import { assessmentStore } from '../repos/assessments.js';
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
): Promise<AssessmentRecorded> {
  const actor = await loadOr404(ctx, actorStore, actorId);
  const at = input.at ? new Date(input.at).toISOString() : new Date().toISOString();
  const later = await ctx.tx.one<{ n: number }>(
    'MATCH (x:Assessment {actorId: $actorId}) WHERE x.workspaceId = $ws AND x.at > datetime($at) RETURN count(x) AS n',
    { ws: ctx.ws, actorId, at },
  );
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
  let actorVersion = actor.version;
  if (!later?.n && (actor.power !== input.power || actor.alignment !== input.alignment)) {
    actorVersion = (await replaceEntity(ctx, actorStore, actor, { ...actor, power: input.power, alignment: input.alignment })).version;
  }
  const { version: _v, ...plain } = assessment;
  return { ...plain, actorVersion };
}
