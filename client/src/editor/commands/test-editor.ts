import { actorFromCreate, relationshipFromCreate } from '../../graph/apply';
import type { GraphDoc } from '../../graph/doc';
import type { Edit } from '../../graph/edits';
import { Editor } from '../editor';
import type { RunContext, Transport } from '../transport';

/** Records what would be saved and answers like the server: each touched record's version goes up. */
export class RecordingTransport implements Transport {
  calls: { edits: Edit[]; context: RunContext }[] = [];
  failNext: Error | null = null;
  cited: string[] = [];
  async cite(url: string) {
    const known = this.cited.indexOf(url);
    if (known < 0) this.cited.push(url);
    return `00000000-0000-4000-8000-${String(900000000000 + (known < 0 ? this.cited.length - 1 : known)).padStart(12, '0')}`;
  }
  async run(edits: Edit[], context: RunContext) {
    if (this.failNext) {
      const e = this.failNext;
      this.failNext = null;
      throw e;
    }
    this.calls.push({ edits, context });
    const versions: Record<string, number> = {};
    for (const e of edits) {
      const id = 'id' in e ? e.id : e.kind === 'assess' ? e.actorId : null;
      if (!id) continue;
      const current =
        context.doc.actors[id]?.version ??
        context.doc.relationships[id]?.version ??
        (id === context.doc.mapId ? context.doc.mapVersion : 0);
      versions[id] = current + 1;
    }
    return versions;
  }
}

export const ids = {
  map: '00000000-0000-4000-8000-000000000000',
  mayor: '00000000-0000-4000-8000-000000000001',
  chamber: '00000000-0000-4000-8000-000000000002',
  union: '00000000-0000-4000-8000-000000000003',
  tie: '00000000-0000-4000-8000-000000000010',
};

/** A small map: the mayor (decision-maker), the chamber of commerce and our union; the chamber donates to the mayor. */
export function sampleDoc(): GraphDoc {
  const mayor = actorFromCreate(ids.mayor, { kind: 'person', name: 'Mayor Rivera', roles: ['decision_maker'], power: 5, alignment: 0 });
  const chamber = actorFromCreate(ids.chamber, {
    kind: 'organization',
    name: 'Chamber of Commerce',
    organized: true,
    power: 3,
    alignment: -2,
    tags: ['business'],
  });
  const union = actorFromCreate(ids.union, {
    kind: 'organization',
    name: 'Nurses Union',
    organized: true,
    roles: ['base'],
    power: 2,
    alignment: 3,
  });
  const tie = relationshipFromCreate(ids.tie, { type: 'DONATION', from: ids.chamber, to: ids.mayor, amount: 5000, currency: 'USD' });
  return {
    mapId: ids.map,
    mapName: 'School nurses',
    mapVersion: 1,
    annotations: [],
    actors: { [ids.mayor]: mayor, [ids.chamber]: chamber, [ids.union]: union },
    relationships: { [ids.tie]: tie },
    members: {
      [ids.mayor]: { x: 0, y: 0, style: {} },
      [ids.chamber]: { x: 100, y: 0, style: {} },
      [ids.union]: { x: 0, y: 100, style: {} },
    },
  };
}

export function testEditor(doc: GraphDoc = sampleDoc()) {
  const transport = new RecordingTransport();
  const editor = new Editor(transport, doc);
  return { editor, transport };
}
