import { edgeAttributes, edgeValue, nodeAttributes, nodeValue, type GraphExport } from './export-model.js';
import { xml } from './xml.js';

const graphmlType = { string: 'string', integer: 'int', boolean: 'boolean' } as const;

/** GraphML (Gephi, Cytoscape desktop, networkx.read_graphml, igraph). */
export function toGraphml(graph: GraphExport): string {
  const keys = [
    '<key id="label" for="node" attr.name="label" attr.type="string"/>',
    ...nodeAttributes.map(([name, type]) => `<key id="n_${name}" for="node" attr.name="${name}" attr.type="${graphmlType[type]}"/>`),
    '<key id="label_e" for="edge" attr.name="label" attr.type="string"/>',
    ...edgeAttributes.map(([name, type]) => `<key id="e_${name}" for="edge" attr.name="${name}" attr.type="${graphmlType[type]}"/>`),
  ];
  const data = (key: string, value: unknown) => (value === null || value === undefined || value === '' ? '' : `<data key="${key}">${xml(value)}</data>`);
  const nodes = graph.actors.map(
    (a) => `<node id="${xml(a.id)}">${data('label', a.name)}${nodeAttributes.map(([k]) => data(`n_${k}`, nodeValue(a, k))).join('')}</node>`,
  );
  const edges = graph.relationships.map(
    (r) =>
      `<edge id="${xml(r.id)}" source="${xml(r.from)}" target="${xml(r.to)}">${data('label_e', r.type)}${edgeAttributes.map(([k]) => data(`e_${k}`, edgeValue(r, k))).join('')}</edge>`,
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
