import { attributesFor, edgeAttributes, edgeValue, nodeAttributes, nodeValue, sourceUrls, type GraphExport } from './export-model.js';
import { xml } from './xml.js';

/**
 * GEXF 1.3 (Gephi's own format). The graph is directed; a mutual tie is one edge of type
 * "mutual", which GEXF defines for exactly this and which Gephi and networkx read as a tie
 * both ways. ("undirected" inside a directed graph is what networkx refuses.)
 */
export function toGexf(graph: GraphExport): string {
  const urls = sourceUrls(graph);
  const nodeAttrs = attributesFor(nodeAttributes, graph);
  const edgeAttrs = attributesFor(edgeAttributes, graph);
  const attrs = (list: typeof nodeAttrs) => list.map(([name, type], i) => `<attribute id="${i}" title="${name}" type="${type}"/>`).join('');
  const values = (pairs: [number, unknown][]) =>
    `<attvalues>${pairs
      .filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([i, v]) => `<attvalue for="${i}" value="${xml(v)}"/>`)
      .join('')}</attvalues>`;
  const placed = new Map((graph.members ?? []).filter((m) => m.x !== null && m.y !== null).map((m) => [m.actorId, m]));
  const nodes = graph.actors.map((a) => {
    const at = placed.get(a.id);
    const position = at ? `<viz:position x="${at.x}" y="${-at.y!}" z="0"/>` : '';
    return `<node id="${xml(a.id)}" label="${xml(a.name)}">${values(nodeAttrs.map(([k], i) => [i, nodeValue(a, k)]))}${position}</node>`;
  });
  const edges = graph.relationships.map(
    (r) =>
      `<edge id="${xml(r.id)}" source="${xml(r.from)}" target="${xml(r.to)}" type="${r.mutual ? 'mutual' : 'directed'}" weight="${r.strength}" label="${xml(r.type)}">${values(edgeAttrs.map(([k], i) => [i, edgeValue(r, k, urls)]))}</edge>`,
  );
  const internal = [
    ...nodeAttrs.filter(([, , i]) => i).map(([n]) => `node ${n}`),
    ...edgeAttrs.filter(([, , i]) => i).map(([n]) => `edge ${n}`),
  ];
  const description = internal.length ? `${graph.name}. Internal to the workspace (not for sharing): ${internal.join(', ')}.` : graph.name;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">',
    `<meta><creator>powermap</creator><description>${xml(description)}</description></meta>`,
    '<graph defaultedgetype="directed" mode="static">',
    `<attributes class="node">${attrs(nodeAttrs)}</attributes>`,
    `<attributes class="edge">${attrs(edgeAttrs)}</attributes>`,
    `<nodes>${nodes.join('')}</nodes>`,
    `<edges>${edges.join('')}</edges>`,
    '</graph>',
    '</gexf>',
    '',
  ].join('\n');
}
