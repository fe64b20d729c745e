import { randomUUID } from 'node:crypto';
import { actorData, actorDefaults, type Actor, type ActorCreate } from '../domain/actor.js';
import { relationshipTypes, type Relationship, type RelationshipCreate } from '../domain/relationship.js';
import { conflict, parseOrInvalid } from '../domain/errors.js';
import { actorProps } from '../repos/actors.js';
import { createActors, createRelationships, takenActorIds, takenRelationshipId } from '../repos/bulk.js';
import { nowIso } from '../repos/entity-store.js';
import type { ReadingInput } from '../domain/reading.js';
import { checkActorSources } from './actors.js';
import { impliedReading, recordReadings, splitReading } from './assessments.js';
import { checkRelationship, lookUp, withDefaults, type Known } from './relationship-rules.js';
import type { WriteContext } from './unit-of-work.js';

/**
 * Creating many records one statement at a time costs a round trip each; these check a
 * whole run of creates in memory and against the store in a few queries, then write them
 * with UNWIND. The rules are those of createActor and createRelationship.
 *
 * Checking (prepare…) is pure, so an import can run it on a worker thread; writing
 * (insert…) goes in batches of BATCH rows, so that no single statement's parameters hold the
 * event loop for long while they are encoded.
 */
const BATCH = 2_000;

/** Full actor records from create inputs: a 400 naming the row for the first invalid one. */
export function prepareActors(inputs: { input: ActorCreate; prefix: string }[], now = nowIso()): Actor[] {
  const actors = inputs.map(({ input, prefix }) => {
    const { id, ...fields } = splitReading(input).rest;
    const data = parseOrInvalid(actorData, { ...actorDefaults, ...fields }, prefix);
    return { id: id ?? randomUUID(), ...data, version: 1, createdAt: now, updatedAt: now } satisfies Actor;
  });
  const ids = actors.map((a) => a.id);
  if (new Set(ids).size !== ids.length) throw conflict('The same actor id is created twice.');
  return actors;
}

/** Full relationship records from create inputs, checked against what the store knows. */
export function prepareRelationships(
  inputs: { input: RelationshipCreate; prefix: string }[],
  known: Known,
  now = nowIso(),
): Relationship[] {
  const rels = inputs.map(({ input, prefix }) => {
    const { id, ...fields } = input;
    return {
      ...checkRelationship(withDefaults(fields), known, prefix),
      id: id ?? randomUUID(),
      version: 1,
      createdAt: now,
      updatedAt: now,
    } as Relationship;
  });
  const ids = rels.map((r) => r.id);
  if (new Set(ids).size !== ids.length) throw conflict('The same relationship id is created twice.');
  return rels;
}

export async function bulkCreateActors(ctx: WriteContext, inputs: { input: ActorCreate; prefix: string }[]): Promise<Actor[]> {
  const actors = prepareActors(inputs);
  await checkActorSources(
    ctx.tx,
    ctx.ws,
    actors,
    inputs.map((i) => i.prefix),
  );
  // Ids we generate are new by construction; only ids the caller chose can clash.
  await insertActors(
    ctx,
    actors,
    inputs.flatMap(({ input }) => (input.id ? [input.id] : [])),
    inputs.map(({ input, prefix }) => ({ ...splitReading(input).reading, prefix })),
  );
  return actors;
}

export async function bulkCreateRelationships(
  ctx: WriteContext,
  inputs: { input: RelationshipCreate; prefix: string }[],
): Promise<Relationship[]> {
  const known = await lookUp(
    ctx.tx,
    ctx.ws,
    inputs.map(({ input }) => ({ from: String(input.from), to: String(input.to), sourceIds: (input.sourceIds ?? []).map(String) })),
  );
  const rels = prepareRelationships(inputs, known);
  await insertRelationships(
    ctx,
    rels,
    inputs.flatMap(({ input }) => (input.id ? [input.id] : [])),
  );
  return rels;
}

/**
 * Writes checked actors. `chosen`: the ids a caller picked, which must not be in use in this
 * workspace (live or deleted); other workspaces' ids are theirs and do not count.
 */
export async function insertActors(
  ctx: WriteContext,
  actors: Actor[],
  chosen: string[],
  /** null: the actors come with their own readings (a restored backup), so none is implied. */
  readings: (ReadingInput & { prefix: string })[] | null = [],
): Promise<void> {
  const taken = chosen.length ? await takenActorIds(ctx.tx, ctx.ws, chosen) : [];
  if (taken.length) throw conflict(`Actor ${taken[0]!} already exists.`);
  for (const kind of ['person', 'organization'] as const) {
    const rows = actors.filter((a) => a.kind === kind).map((a) => ({ id: a.id, props: actorProps(a) }));
    for (let i = 0; i < rows.length; i += BATCH) await createActors(ctx.tx, ctx.ws, kind, rows.slice(i, i + BATCH));
  }
  for (const actor of actors) ctx.diffs.push({ entityType: 'actor', entityId: actor.id, before: null, after: actor as never });
  // An actor arriving with power or alignment (a batch, an import) has its first assessment.
  if (readings === null) return;
  await recordReadings(
    ctx,
    actors.map((actor, i) => impliedReading(ctx, null, actor, readings[i] ?? {}, readings[i]?.prefix ?? `actors.${i}`)),
  );
}

/** Writes checked relationships between actors of this workspace; `chosen` as for actors. */
export async function insertRelationships(ctx: WriteContext, rels: Relationship[], chosen: string[]): Promise<void> {
  const taken = chosen.length ? await takenRelationshipId(ctx.tx, ctx.ws, chosen) : undefined;
  if (taken) throw conflict(`Relationship ${taken} already exists.`);
  for (const type of relationshipTypes) {
    const rows = rels.filter((r) => r.type === type).map(({ type: _t, from, to, ...props }) => ({ from, to, props }));
    for (let i = 0; i < rows.length; i += BATCH) {
      const [missing] = await createRelationships(ctx.tx, ctx.ws, type, rows.slice(i, i + BATCH));
      // Its ends were checked, so only a concurrent delete (between an import's parts) gets here.
      if (missing) throw conflict(`An actor relationship ${missing} joins is no longer in this workspace: it was deleted meanwhile.`);
    }
  }
  for (const rel of rels) ctx.diffs.push({ entityType: 'relationship', entityId: rel.id, before: null, after: rel as never });
}
