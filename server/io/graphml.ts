import { attributesFor, edgeAttributes, edgeValue, nodeAttributes, nodeValue, sourceUrls, type GraphExport } from './export-model.js';
import { xml } from './xml.js';

const graphmlType = { string: 'string', integer: 'int', double: 'double', boolean: 'boolean' } as const;

/**
 * GraphML (Gephi, Cytoscape desktop, networkx.read_graphml, igraph). Every edge is directed,
 * from the tie's "from" actor: GraphML allows a mixed graph, but networkx and igraph refuse
 * one, so a mutual tie says so in its `mutual` attribute instead. Internal fields carry a
 * <desc> that says they are not for sharing.
 */
export function toGraphml(graph: GraphExport): string {
  const urls = sourceUrls(graph);
  const nodeAttrs = attributesFor(nodeAttributes, graph);
  const edgeAttrs = attributesFor(edgeAttributes, graph);
  const key = (id: string, domain: 'node' | 'edge', name: string, type: keyof typeof graphmlType, internal?: boolean) =>
    internal
      ? `<key id="${id}" for="${domain}" attr.name="${name}" attr.type="${graphmlType[type]}"><desc>internal to the workspace: not for sharing</desc></key>`
      : `<key id="${id}" for="${domain}" attr.name="${name}" attr.type="${graphmlType[type]}"/>`;
  const keys = [
    key('label', 'node', 'label', 'string'),
    ...nodeAttrs.map(([name, type, internal]) => key(`n_${name}`, 'node', name, type, internal)),
    key('x', 'node', 'x', 'double'),
    key('y', 'node', 'y', 'double'),
    key('label_e', 'edge', 'label', 'string'),
    ...edgeAttrs.map(([name, type, internal]) => key(`e_${name}`, 'edge', name, type, internal)),
  ];
  const data = (k: string, value: unknown) =>
    value === null || value === undefined || value === '' ? '' : `<data key="${k}">${xml(value)}</data>`;
  const placed = new Map((graph.members ?? []).filter((m) => m.x !== null && m.y !== null).map((m) => [m.actorId, m]));
  const nodes = graph.actors.map((a) => {
    const at = placed.get(a.id);
    return `<node id="${xml(a.id)}">${data('label', a.name)}${nodeAttrs.map(([k]) => data(`n_${k}`, nodeValue(a, k))).join('')}${at ? data('x', at.x) + data('y', at.y) : ''}</node>`;
  });
  const edges = graph.relationships.map(
    (r) =>
      `<edge id="${xml(r.id)}" source="${xml(r.from)}" target="${xml(r.to)}">${data('label_e', r.type)}${edgeAttrs.map(([k]) => data(`e_${k}`, edgeValue(r, k, urls))).join('')}</edge>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keys,
    `<graph id="${xml(graph.name)}" edgedefault="directed">`,
    ...nodes,
    ...edges,
    '</graph>',
    '</graphml>',
    '',
  ].join('\n');
}
