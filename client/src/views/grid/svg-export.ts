const STYLED = [
  'fill',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-linejoin',
  'paint-order',
  'opacity',
  'font-size',
  'font-weight',
  'font-family',
  'text-anchor',
];

/**
 * The grid's SVG as a file: the page's stylesheet does not travel with it, so each element
 * carries its computed look, and what only makes sense on screen (hints such as "+77 more:
 * select one to bring it here", focus rings) is left out.
 */
export function standaloneSvg(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const live = [svg, ...svg.querySelectorAll('*')];
  const copied = [copy, ...copy.querySelectorAll('*')];
  live.forEach((el, i) => {
    const target = copied[i] as SVGElement | undefined;
    if (!target) return;
    const look = getComputedStyle(el);
    const style = STYLED.map((p) => `${p}:${look.getPropertyValue(p)}`).join(';');
    target.setAttribute('style', style);
  });
  for (const hint of copy.querySelectorAll('.tray-more, [data-ui-only]')) hint.remove();
  copy.setAttribute('width', String(svg.width.baseVal.value));
  copy.setAttribute('height', String(svg.height.baseVal.value));
  return new XMLSerializer().serializeToString(copy);
}
