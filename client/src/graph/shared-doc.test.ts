import { describe, expect, it } from 'vitest';
import type { SharedMapDetail } from '../api/domain';
import { visibleRelationships } from './doc';
import { fromSharedMap } from './shared-doc';

const at = '2026-01-31T09:00:00.000Z';
const detail = {
  share: { id: 's1', access: 'edit', ownerWorkspace: { id: 'w-owner', name: 'Nurses United' } },
  id: 'm1',
  name: 'Board vote',
  description: '',
  defaultView: 'network',
  version: 3,
  createdAt: at,
  updatedAt: at,
  members: [
    { actorId: 'a', x: 1, y: 2, style: {} },
    { actorId: 'b', x: null, y: null, style: {} },
  ],
  annotations: [],
  actors: [
    { id: 'a', kind: 'person', name: 'Superintendent Diaz', power: 5, addedByWorkspaceId: null, addedByWorkspaceName: null },
    { id: 'b', kind: 'person', name: 'Deacon Brown', addedByWorkspaceId: 'w-p', addedByWorkspaceName: 'Local 1021' },
  ],
  relationships: [
    { id: 'r', type: 'SOCIAL', from: 'b', to: 'a', strength: 5, addedByWorkspaceId: 'w-p', addedByWorkspaceName: 'Local 1021' },
  ],
} as unknown as SharedMapDetail;

describe('a shared map as the editor’s document', () => {
  it('fills what the partner’s copy leaves out with empty values, and remembers who added what', () => {
    const doc = fromSharedMap(detail);
    expect(doc.actors.a).toMatchObject({
      name: 'Superintendent Diaz',
      power: 5,
      roles: [],
      alignment: null,
      externalIds: {},
      contactOwner: null,
    });
    expect(doc.relationships.r).toMatchObject({ type: 'SOCIAL', strength: 5, sourceIds: [], description: '' });
    expect(visibleRelationships(doc).map((r) => r.id)).toEqual(['r']);
    expect(doc.partners).toEqual({ b: { id: 'w-p', name: 'Local 1021' }, r: { id: 'w-p', name: 'Local 1021' } });
    expect(doc.members.b).toEqual({ x: null, y: null, style: {} });
  });
});
