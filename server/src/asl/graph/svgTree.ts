/**
 * A small SVG element tree: what the renderer builds, and what the CLI writes as text and the
 * preview turns into DOM nodes (createElementNS, setAttribute, text nodes: never markup), so
 * both show the same picture and text from a document is never parsed as HTML.
 */
export interface SvgElement {
  readonly tag: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly SvgChild[];
}

/** A string child is text. */
export type SvgChild = SvgElement | string;

export const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

export function el(
  tag: string,
  attrs: Record<string, string | number> = {},
  children: SvgChild[] = [],
): SvgElement {
  const strings: Record<string, string> = {};
  for (const [name, value] of Object.entries(attrs))
    strings[name] = typeof value === 'number' ? num(value) : value;
  return { tag, attrs: strings, children };
}

/** Numbers with at most one decimal: smaller files and goldens that do not churn on float noise. */
export function num(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

export function toSvgText(root: SvgElement, indent = ''): string {
  const attrs = Object.entries(root.attrs)
    .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
    .join('');
  if (root.children.length === 0) return `${indent}<${root.tag}${attrs}/>`;
  if (root.children.every((child) => typeof child === 'string')) {
    return `${indent}<${root.tag}${attrs}>${root.children.map((c) => escapeXml(String(c))).join('')}</${root.tag}>`;
  }
  const inner = root.children
    .map((child) =>
      typeof child === 'string' ? `${indent}  ${escapeXml(child)}` : toSvgText(child, `${indent}  `),
    )
    .join('\n');
  return `${indent}<${root.tag}${attrs}>\n${inner}\n${indent}</${root.tag}>`;
}

/** XML 1.0 has no place for most control characters, even escaped. */
// eslint-disable-next-line no-control-regex -- finding those characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
