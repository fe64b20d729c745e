import { attributesFor, edgeAttributes, edgeValue, nodeAttributes, nodeValue, sourceUrls, type GraphExport } from './export-model.js';

/**
 * Cytoscape.js elements JSON (cy.json() / cy.add()), which Cytoscape desktop also opens as
 * .cyjs: every attribute in `data`, a map's layout as each node's `position`. A mutual tie
 * is one edge whose `mutual` is true (Cytoscape has no mixed edges either).
 */
export function toCytoscape(graph: GraphExport): string {
  const urls = sourceUrls(graph);
  const placed = new Map((graph.members ?? []).filter((m) => m.x !== null && m.y !== null).map((m) => [m.actorId, m]));
  const nodes = graph.actors.map((a) => {
    const at = placed.get(a.id);
    return {
      data: {
        id: a.id,
        name: a.name,
        label: a.name,
        ...Object.fromEntries(attributesFor(nodeAttributes, graph).map(([k]) => [k, nodeValue(a, k)])),
      },
      ...(at ? { position: { x: at.x, y: at.y } } : {}),
    };
  });
  const edges = graph.relationships.map((r) => ({
    data: {
      id: r.id,
      source: r.from,
      target: r.to,
      label: r.type,
      ...Object.fromEntries(attributesFor(edgeAttributes, graph).map(([k]) => [k, edgeValue(r, k, urls)])),
    },
  }));
  return JSON.stringify(
    {
      format_version: '1.0',
      generated_by: 'powermap',
      target_cytoscapejs_version: '~3.0',
      data: { name: graph.name },
      elements: { nodes, edges },
    },
    null,
    1,
  );
}
