import { describe, expect, it } from 'vitest';
import type { Actor, Relationship } from '../api/domain';
import { emptyDoc, type GraphDoc } from './doc';
import { toElements } from './elements';
import { partnerLooks, partnerPalette } from './partners';

const actor = (id: string) =>
  ({ id, kind: 'person', name: id, roles: [], power: null, alignment: null, organized: false }) as unknown as Actor;
const tie = (id: string, from: string, to: string) =>
  ({ id, type: 'SOCIAL', from, to, mutual: true, strength: 3, sourceIds: [] }) as unknown as Relationship;

function doc(partners: GraphDoc['partners']): GraphDoc {
  return {
    ...emptyDoc('m'),
    actors: { a: actor('a'), b: actor('b'), c: actor('c') },
    members: { a: { x: 0, y: 0, style: {} }, b: { x: 1, y: 1, style: {} }, c: { x: 2, y: 2, style: {} } },
    relationships: { r1: tie('r1', 'a', 'b'), r2: tie('r2', 'b', 'c'), r3: tie('r3', 'a', 'c') },
    ...(partners ? { partners } : {}),
  };
}

describe('ties partners added', () => {
  it('take one colour per organisation, in the order of their names, and the rest keep their type’s look', () => {
    const d = doc({ r1: { id: 'w-tenants', name: 'Tenants Union' }, r2: { id: 'w-faith', name: 'Faith Coalition' } });
    const looks = partnerLooks(d);
    expect([...looks.values()].map((l) => [l.name, l.color])).toEqual([
      ['Faith Coalition', partnerPalette[0]],
      ['Tenants Union', partnerPalette[1]],
    ]);
    const edges = Object.fromEntries(
      toElements(d)
        .filter((e) => e.group === 'edges')
        .map((e) => [e.data.id, e]),
    );
    expect(edges.r1!.data.color).toBe(partnerPalette[1]);
    expect(edges.r2!.data.color).toBe(partnerPalette[0]);
    expect(edges.r1!.classes).toContain('partner');
    expect(edges.r3!.data.color).toBe('#762a83');
    expect(edges.r3!.classes).not.toContain('partner');
  });

  it('leave a map without partners exactly as it was drawn before', () => {
    expect(partnerLooks(doc(undefined)).size).toBe(0);
    expect(toElements(doc(undefined)).every((e) => !String(e.classes).includes('partner'))).toBe(true);
  });
});
