/**
 * An SVG element tree as DOM nodes: element by element with createElementNS and setAttribute,
 * text as text nodes. Nothing is parsed as markup, so no name in a document can become a tag.
 */
import { SVG_NAMESPACE, type SvgElement } from '../../../../server/src/asl/graph/svgTree';

export function toDom(element: SvgElement): SVGElement {
  const node = document.createElementNS(SVG_NAMESPACE, element.tag);
  for (const [name, value] of Object.entries(element.attrs)) {
    if (name !== 'xmlns') node.setAttribute(name, value);
  }
  for (const child of element.children)
    node.append(typeof child === 'string' ? document.createTextNode(child) : toDom(child));
  return node;
}
