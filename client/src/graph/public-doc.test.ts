import { describe, expect, it } from 'vitest';
import type { PublicMap } from '../api/domain';
import { visibleActors, visibleRelationships } from './doc';
import { fromPublicMap, hasReadings } from './public-doc';

const map: PublicMap = {
  name: 'Board',
  description: '',
  defaultView: 'grid',
  members: [
    { actorId: 'a', x: 1, y: 2, style: {} },
    { actorId: 'b', x: null, y: null, style: { color: '#112233' } },
  ],
  annotations: [],
  story: false,
  actors: [
    { id: 'a', kind: 'person', name: 'Dana', power: 4, alignment: -1, roles: ['decision_maker'] },
    { id: 'b', kind: 'organization', name: 'Union' },
  ],
  relationships: [{ id: 'r', type: 'INFLUENCE', from: 'b', to: 'a', mutual: false, how: 'turnout' }],
  expiresAt: null,
};

describe('a shared map as an editor document', () => {
  it('fills what the link leaves out with empty values, so the views draw it', () => {
    const doc = fromPublicMap(map, 'tok');
    expect(
      visibleActors(doc)
        .map((a) => a.name)
        .sort(),
    ).toEqual(['Dana', 'Union']);
    expect(doc.actors.b).toMatchObject({
      power: null,
      alignment: null,
      roles: [],
      tags: [],
      interests: [],
      contactOwner: null,
      privateNotes: '',
    });
    expect(doc.actors.a).toMatchObject({ power: 4, alignment: -1, roles: ['decision_maker'] });
    expect(visibleRelationships(doc)).toHaveLength(1);
    expect(doc.relationships.r).toMatchObject({ how: 'turnout', strength: 3, sourceIds: [], description: '' });
    expect(doc.members.b).toEqual({ x: null, y: null, style: { color: '#112233' } });
  });

  it('knows when the grid has readings to show', () => {
    expect(hasReadings(map)).toBe(true);
    expect(hasReadings({ ...map, actors: map.actors.map(({ power: _p, alignment: _a, ...rest }) => rest) })).toBe(false);
  });
});
