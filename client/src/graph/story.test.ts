import { describe, expect, it } from 'vitest';
import type { Relationship } from '../api/domain';
import { emptyDoc, type GraphDoc } from './doc';
import { stepHighlight } from './story';

const tie = (id: string, from: string, to: string) => ({ id, from, to, type: 'SOCIAL' }) as unknown as Relationship;
const doc: GraphDoc = {
  ...emptyDoc('m'),
  members: Object.fromEntries(['chair', 'donor', 'bank', 'mayor'].map((id) => [id, { x: 0, y: 0, style: {} }])),
  relationships: {
    gives: tie('gives', 'donor', 'chair'),
    lends: tie('lends', 'bank', 'donor'),
    knows: tie('knows', 'mayor', 'chair'),
    // One end is not on this map.
    away: tie('away', 'chair', 'elsewhere'),
  },
};
const step = (actorIds: string[], relationshipIds: string[] = []) => ({
  id: 's',
  title: 'Who funds the chair',
  text: '',
  actorIds,
  relationshipIds,
});

describe('what a story step lights up', () => {
  it('shows the ties among the step’s actors, not only the ones it names', () => {
    const lit = stepHighlight(step(['chair', 'donor', 'bank']), doc);
    expect(lit.relationships.sort()).toEqual(['gives', 'lends']);
    expect(lit.actors.sort()).toEqual(['bank', 'chair', 'donor']);
    expect(lit.label).toBe('Who funds the chair');
  });

  it('brings in both ends of a tie the step names', () => {
    const lit = stepHighlight(step([], ['knows']), doc);
    expect(lit.actors.sort()).toEqual(['chair', 'mayor']);
    expect(lit.relationships).toEqual(['knows']);
  });

  it('leaves out actors that are no longer on the map', () => {
    const lit = stepHighlight(step(['chair', 'gone']), doc);
    expect(lit.actors).toEqual(['chair']);
    expect(lit.relationships).toEqual([]);
  });
});
