/** The graph of a state machine: model, layout (through an injected ELK), SVG and DOT. */
export type * from './types';
export { buildGraph } from './build';
export type {
  Box,
  GraphDirection,
  GraphLayout,
  LayoutEngine,
  PlacedBox,
  PlacedEdge,
  PlacedJump,
  PlacedSection,
  Point,
} from './layout';
export { LayoutCache } from './layoutCache';
export { JUMP_BUDGET, jumpIdOf, layoutGraph, layoutKey } from './layout';
export type { RenderOptions } from './svg';
export { renderGraph } from './svg';
export type { SvgChild, SvgElement } from './svgTree';
export { SVG_NAMESPACE, toSvgText } from './svgTree';
export type { GraphPalette } from './style';
export { LIGHT_PALETTE, THEME_PALETTE, graphStyle } from './style';
export { toDot } from './dot';
