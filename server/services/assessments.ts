import { randomUUID } from 'node:crypto';
import type { Actor } from '../domain/actor.js';
import type { Assessment, AssessmentChange, AssessmentRecorded } from '../domain/assessment.js';
import type { ReadingInput } from '../domain/reading.js';
import { invalid } from '../domain/errors.js';
import { actorStore } from '../repos/actors.js';
import { existingSourceIds } from '../repos/sources.js';
import { assessmentChangesSince, assessmentStore, insertAssessments, laterReadings, type StoredAssessment } from '../repos/assessments.js';
import type { Tx } from '../db/gateway.js';
import { createEntity, loadOr404, replaceEntity } from './entities.js';
import type { WriteContext } from './unit-of-work.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** When a reading was true. A date means its noon (UTC), so that it stays that day in every time zone a team is in. */
export function readingMoment(at: string | undefined, path: string): string {
  const now = new Date();
  if (!at) return now.toISOString();
  const future = () => invalid('An assessment cannot be dated in the future.', [{ path, message: 'must not be in the future' }]);
  if (DATE.test(at)) {
    if (at > now.toISOString().slice(0, 10)) throw future();
    const noon = new Date(`${at}T12:00:00Z`);
    return (noon > now ? now : noon).toISOString();
  }
  const moment = new Date(at);
  // A minute of slack for a client clock a little ahead of ours.
  if (moment.getTime() > now.getTime() + 60_000) throw future();
  return (moment > now ? now : moment).toISOString();
}

/**
 * Appends a dated reading. It becomes the actor's current power and alignment unless a
 * later reading already exists (back-dated readings fill in the timeline only).
 */
export async function assess(
  ctx: WriteContext,
  actorId: string,
  input: {
    power: number;
    alignment: number;
    note: string;
    source?: string | undefined;
    sourceId?: string | null | undefined;
    at?: string | undefined;
    id?: string | undefined;
  },
): Promise<AssessmentRecorded> {
  const actor = await loadOr404(ctx, actorStore, actorId);
  const sourceId = input.sourceId ?? null;
  if (sourceId && !(await existingSourceIds(ctx.tx, ctx.ws, [sourceId])).has(sourceId))
    throw invalid(`Source ${sourceId} does not exist in this workspace.`, [
      { path: 'body.sourceId', message: `unknown source ${sourceId}` },
    ]);
  const at = input.at ? new Date(input.at).toISOString() : new Date().toISOString();
  const later = await laterReadings(ctx.tx, ctx.ws, actorId, at);
  const assessment = await createEntity(ctx, assessmentStore, {
    id: input.id ?? randomUUID(),
    actorId,
    power: input.power,
    alignment: input.alignment,
    note: input.note,
    source: input.source ?? '',
    sourceId,
    at,
    authorId: ctx.author?.id ?? null,
    authorName: ctx.author?.name ?? null,
    version: 1,
  });
  let actorVersion = actor.version;
  if (!later && (actor.power !== input.power || actor.alignment !== input.alignment)) {
    actorVersion = (await replaceEntity(ctx, actorStore, actor, { ...actor, power: input.power, alignment: input.alignment })).version;
  }
  const { version: _v, ...plain } = assessment;
  return { ...plain, actorVersion };
}

/** The reading a write implies: none unless power or alignment is set and differs from before. */
export function impliedReading(
  ctx: WriteContext,
  before: Pick<Actor, 'power' | 'alignment'> | null,
  after: Actor,
  input: ReadingInput,
  prefix: string,
): StoredAssessment | null {
  const moved = before
    ? before.power !== after.power || before.alignment !== after.alignment
    : after.power !== null || after.alignment !== null;
  if (!moved || (after.power === null && after.alignment === null)) return null;
  return {
    id: randomUUID(),
    actorId: after.id,
    power: after.power,
    alignment: after.alignment,
    note: input.assessmentNote ?? '',
    source: input.assessmentSource?.trim() ?? '',
    sourceId: null,
    at: readingMoment(input.assessedAt, `${prefix}.assessedAt`),
    authorId: ctx.author?.id ?? null,
    authorName: ctx.author?.name ?? null,
    version: 1,
  };
}

/** Records readings made by other writes, each in the change that made it. */
export async function recordReadings(ctx: WriteContext, readings: (StoredAssessment | null)[]): Promise<void> {
  const real = readings.filter((r): r is StoredAssessment => r !== null);
  if (!real.length) return;
  await insertAssessments(ctx.tx, ctx.ws, real);
  for (const reading of real) ctx.diffs.push({ entityType: 'assessment', entityId: reading.id, before: null, after: reading as never });
}

/** Strips the reading fields from a create or patch, so the rest is plain actor data. */
export function splitReading<T extends ReadingInput>(input: T): { reading: ReadingInput; rest: Omit<T, keyof ReadingInput> } {
  const { assessedAt, assessmentNote, assessmentSource, ...rest } = input;
  return { reading: { assessedAt, assessmentNote, assessmentSource }, rest };
}

const plain = ({ version: _v, ...reading }: StoredAssessment): Assessment => reading;
const delta = (from: number | null | undefined, to: number | null) =>
  from === null || from === undefined || to === null ? null : to - from;

/** The weekly meeting's question: who moved since a date, from where to where, and why. */
export async function changesSince(tx: Tx, ws: string, since: string, map: string | null): Promise<AssessmentChange[]> {
  const rows = await assessmentChangesSince(tx, ws, since, map);
  return rows
    .map((row) => {
      const last = row.readings[row.readings.length - 1]!;
      const from = row.before ? { power: row.before.power, alignment: row.before.alignment, at: row.before.at } : null;
      return {
        actorId: row.actorId,
        name: row.name,
        from,
        to: { power: last.power, alignment: last.alignment, at: last.at },
        powerDelta: delta(from?.power, last.power),
        alignmentDelta: delta(from?.alignment, last.alignment),
        readings: row.readings.map(plain),
      };
    })
    .filter((c) => !c.from || c.from.power !== c.to.power || c.from.alignment !== c.to.alignment);
}
