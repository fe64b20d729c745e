import type { Core, NodeSingular } from 'cytoscape';
import type { CanvasHooks } from '../../editor/editor';
import { networkSvg } from '../../graph/svg';

/** The network's PNG (Cytoscape's own, whole map, twice the pixels) and SVG (drawn from the same positions and styles). */
export function networkExports(cy: Core, edgeLabels: () => boolean): Pick<CanvasHooks, 'png' | 'svg'> {
  return {
    png: () => cy.png({ output: 'blob', bg: '#ffffff', full: true, scale: 2 }) as unknown as Blob,
    svg: () => {
      const at = (n: NodeSingular) => ({ x: n.position('x'), y: n.position('y'), size: Number(n.data('size')) });
      const nodes = cy.nodes().map((n) => ({
        ...at(n),
        shape: n.data('shape'),
        color: n.data('color'),
        label: String(n.data('label')),
        bad: n.hasClass('bad'),
        unassessed: n.hasClass('unassessed'),
      }));
      const labels = edgeLabels();
      const edges = cy.edges().map((e) => ({
        from: at(e.source()),
        to: at(e.target()),
        color: e.data('color'),
        line: e.hasClass('uncited') ? ('dotted' as const) : e.data('line'),
        width: Number(e.data('width')),
        directed: e.hasClass('directed'),
        label: labels ? String(e.data('label')) : null,
      }));
      return networkSvg(nodes, edges);
    },
  };
}
