import { describe, expect, it } from 'vitest';
import { actorDefaults } from '../domain/actor.js';
import { relationshipDefaults } from '../domain/relationship.js';
import { internalFieldSet, redactActor, redactAssessment, redactEntity, redactMapPayload, redactRelationship } from './redact.js';

const actor = {
  id: 'a1',
  kind: 'person' as const,
  name: 'Dana Díaz',
  ...actorDefaults,
  description: 'Board chair',
  interests: ['growth'],
  contactOwner: 'Sam from Local 12',
  privateNotes: 'Owes Sam a favour',
  version: 3,
};
const relationship = {
  id: 'r1',
  type: 'DONATION' as const,
  from: 'a1',
  to: 'a2',
  mutual: false,
  ...relationshipDefaults.common,
  ...relationshipDefaults.DONATION,
  amount: 5000,
  description: 'PAC gift',
  privateNotes: 'Tip from a staffer',
};
const assessment = {
  id: 's1',
  actorId: 'a1',
  power: 4,
  alignment: -1,
  note: 'After the hearing',
  at: '2026-01-31T09:00:00.000Z',
  authorId: 'u1',
  authorName: 'Rosa',
};

describe('redaction of internal fields', () => {
  it('always withholds contact owners and private notes, and nothing else by default', () => {
    const fields = internalFieldSet();
    const a = redactActor(actor, fields);
    expect(a).not.toHaveProperty('contactOwner');
    expect(a).not.toHaveProperty('privateNotes');
    expect(a).toMatchObject({ id: 'a1', name: 'Dana Díaz', description: 'Board chair', interests: ['growth'], version: 3 });
    const r = redactRelationship(relationship, fields);
    expect(r).not.toHaveProperty('privateNotes');
    expect(r).toMatchObject({ id: 'r1', type: 'DONATION', from: 'a1', to: 'a2', amount: 5000, description: 'PAC gift' });
    expect(redactAssessment(assessment, fields)).toEqual(assessment);
  });

  it('withholds what the owner added, per kind of record', () => {
    const fields = internalFieldSet({ actor: ['interests', 'description'], relationship: ['amount'], assessment: ['note', 'authorName'] });
    const a = redactActor(actor, fields);
    expect(a).not.toHaveProperty('interests');
    expect(a).not.toHaveProperty('description');
    expect(a).not.toHaveProperty('contactOwner');
    expect(a).toHaveProperty('powerSources');
    const r = redactRelationship(relationship, fields);
    expect(r).not.toHaveProperty('amount');
    // A relationship's description is its own field: the actors' setting does not reach it.
    expect(r).toHaveProperty('description', 'PAC gift');
    const s = redactAssessment(assessment, fields);
    expect(s).not.toHaveProperty('note');
    expect(s).not.toHaveProperty('authorName');
    expect(s).toMatchObject({ power: 4, alignment: -1 });
  });

  it('leaves the records it was given untouched', () => {
    const before = structuredClone(actor);
    redactActor(actor, internalFieldSet({ actor: ['interests'] }));
    expect(actor).toEqual(before);
  });

  it('withholds the always-internal fields even from a hand-made field set that forgot them', () => {
    const forgetful = { actor: new Set<string>(), relationship: new Set<string>(), assessment: new Set<string>() };
    expect(redactActor(actor, forgetful)).not.toHaveProperty('privateNotes');
    expect(redactRelationship(relationship, forgetful)).not.toHaveProperty('privateNotes');
  });

  it('redacts every actor, relationship and assessment a map payload carries, and keeps the rest', () => {
    const fields = internalFieldSet({ actor: ['interests'], assessment: ['note'] });
    const payload = {
      name: 'Board',
      annotations: [{ id: 'x', title: 'Step', text: 'Sam knows Dana', actorIds: ['a1'], relationshipIds: [] }],
      actors: [actor],
      relationships: [relationship],
      assessments: [assessment],
    };
    const out = redactMapPayload(payload, fields);
    const text = JSON.stringify(out);
    for (const secret of ['Sam from Local 12', 'Owes Sam a favour', 'Tip from a staffer', 'growth', 'After the hearing'])
      expect(text).not.toContain(secret);
    expect(out.name).toBe('Board');
    expect(out.annotations).toEqual(payload.annotations);
    expect(out.actors).toHaveLength(1);
  });

  it('redacts change-log records by their entity type', () => {
    const fields = internalFieldSet();
    expect(redactEntity('actor', actor, fields)).not.toHaveProperty('contactOwner');
    expect(redactEntity('relationship', relationship, fields)).not.toHaveProperty('privateNotes');
    expect(redactEntity('source', { id: 's', url: 'https://example.org' }, fields)).toEqual({ id: 's', url: 'https://example.org' });
    expect(redactEntity('actor', null, fields)).toBeNull();
  });
});
