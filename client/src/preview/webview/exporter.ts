/**
 * The picture as a file: the drawn SVG with the theme's colours written into it (a file has
 * no VS Code variables to read), whole rather than as panned and zoomed, and optionally
 * rasterised to PNG at twice the size on a canvas.
 */
import {
  THEME_PALETTE,
  graphStyle,
  mapPalette,
  type GraphPalette,
} from '../../../../server/src/asl/graph/style';
import { SVG_NAMESPACE } from '../../../../server/src/asl/graph/svgTree';
import type { Rect } from './viewport';

/** Canvases larger than this fail in Chromium; big graphs are scaled down to fit. */
const MAX_CANVAS_SIDE = 16_384;

export function exportSvg(live: SVGSVGElement, content: Rect): string {
  const copy = live.cloneNode(true);
  if (!(copy instanceof SVGSVGElement)) return '';
  copy.setAttribute('xmlns', SVG_NAMESPACE);
  copy.setAttribute('width', String(content.width));
  copy.setAttribute('height', String(content.height));
  copy.setAttribute('viewBox', `${content.x} ${content.y} ${content.width} ${content.height}`);
  copy.removeAttribute('preserveAspectRatio');
  const palette = resolvedPalette();
  const style = document.createElementNS(SVG_NAMESPACE, 'style');
  style.textContent = graphStyle(palette);
  const background = document.createElementNS(SVG_NAMESPACE, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', palette.background);
  copy.prepend(style, background);
  return new XMLSerializer().serializeToString(copy);
}

export async function exportPng(svg: string, content: Rect): Promise<string> {
  const scale = Math.min(2, MAX_CANVAS_SIDE / Math.max(content.width, content.height, 1));
  const image = new Image();
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('the SVG could not be drawn'));
  });
  image.src = `data:image/svg+xml;base64,${base64(svg)}`;
  await loaded;
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(content.width * scale);
  canvas.height = Math.ceil(content.height * scale);
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('no canvas to draw on');
  context.scale(scale, scale);
  context.drawImage(image, 0, 0);
  return canvas.toDataURL('image/png');
}

/** The theme's values of the preview's colour variables, or their fallbacks. */
function resolvedPalette(): GraphPalette {
  const computed = getComputedStyle(document.documentElement);
  const resolve = (value: string): string => {
    // var(--vscode-a, var(--vscode-b, #fallback)): the first variable the theme sets wins.
    const match = /^var\((--[\w-]+),\s*(.*)\)$/.exec(value);
    if (match === null) return value;
    const [, name = '', fallback = ''] = match;
    const set = computed.getPropertyValue(name).trim();
    return set !== '' ? set : resolve(fallback.trim());
  };
  return mapPalette(THEME_PALETTE, resolve);
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
