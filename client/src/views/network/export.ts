import type { Core, NodeSingular } from 'cytoscape';
import type { CanvasHooks } from '../../editor/editor';
import { framedSvg, svgSize, svgTextToPng, type ExportCaption } from '../../graph/export-frame';
import { networkSvg } from '../../graph/svg';

/**
 * The network's SVG, drawn from the canvas's positions and styles, and its PNG rendered from
 * that SVG: one picture, titled and with its legend, in either format.
 */
export function networkExports(cy: Core, edgeLabels: () => boolean): Pick<CanvasHooks, 'png' | 'svg'> {
  const picture = (caption: ExportCaption) => {
    const drawn = networkPicture();
    return framedSvg(drawn, svgSize(drawn), caption);
  };
  const networkPicture = () => {
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
  };
  return {
    svg: picture,
    png: (caption) => {
      const framed = picture(caption);
      return svgTextToPng(framed, svgSize(framed));
    },
  };
}
