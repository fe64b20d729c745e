/** Renders an SVG element to a PNG at twice its size (for crisp slides). */
export function svgToPng(svg: SVGSVGElement): Promise<Blob | null> {
  const text = new XMLSerializer().serializeToString(svg);
  const width = svg.width.baseVal.value;
  const height = svg.height.baseVal.value;
  return new Promise((resolve) => {
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = width * 2;
      canvas.height = height * 2;
      const ctx = canvas.getContext('2d');
      if (!ctx) return resolve(null);
      ctx.scale(2, 2);
      ctx.drawImage(img, 0, 0);
      canvas.toBlob((b) => resolve(b), 'image/png');
    };
    img.onerror = () => resolve(null);
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  });
}
