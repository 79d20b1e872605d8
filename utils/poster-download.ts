/** The drawn poster as a standalone SVG file: its markup, with the SVG namespace a file needs. */
export function posterSvgText(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement
  copy.removeAttribute('class')
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg')
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`
}

/**
 * The poster as a PNG at its full size, drawn by the browser: the SVG is loaded as a data: image
 * (the pages' CSP allows those) and painted on a canvas. Nothing leaves the machine.
 */
export async function posterPngBlob(svgText: string, width: number, height: number): Promise<Blob> {
  const image = new Image(width, height)
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`
  await image.decode()
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  canvas.getContext('2d')!.drawImage(image, 0, 0, width, height)
  return new Promise((resolve, reject) => canvas.toBlob(blob => (blob ? resolve(blob) : reject(new Error('The browser could not draw the poster'))), 'image/png'))
}
