import { edgeAttributes, edgeValue, nodeAttributes, nodeValue, type GraphExport } from './export-model.js';
import { xml } from './xml.js';

/** GEXF 1.3 (Gephi's own format); mutual ties are undirected edges. */
export function toGexf(graph: GraphExport): string {
  const attrs = (list: readonly (readonly [string, string])[]) => list.map(([name, type], i) => `<attribute id="${i}" title="${name}" type="${type}"/>`).join('');
  const values = (pairs: [number, unknown][]) =>
    `<attvalues>${pairs
      .filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([i, v]) => `<attvalue for="${i}" value="${xml(v)}"/>`)
      .join('')}</attvalues>`;
  const nodes = graph.actors.map(
    (a) => `<node id="${xml(a.id)}" label="${xml(a.name)}">${values(nodeAttributes.map(([k], i) => [i, nodeValue(a, k)]))}</node>`,
  );
  const edges = graph.relationships.map(
    (r) =>
      `<edge id="${xml(r.id)}" source="${xml(r.from)}" target="${xml(r.to)}" type="${r.mutual ? 'undirected' : 'directed'}" weight="${r.strength}" label="${xml(r.type)}">${values(edgeAttributes.map(([k], i) => [i, edgeValue(r, k)]))}</edge>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    `<meta><creator>powermap</creator><description>${xml(graph.name)}</description></meta>`,
    '<graph defaultedgetype="directed" mode="static">',
    `<attributes class="node">${attrs(nodeAttributes)}</attributes>`,
    `<attributes class="edge">${attrs(edgeAttributes)}</attributes>`,
    `<nodes>${nodes.join('')}</nodes>`,
    `<edges>${edges.join('')}</edges>`,
    '</graph>',
    '</gexf>',
    '',
  ].join('\n');
}
