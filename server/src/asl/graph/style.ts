/**
 * The graph's stylesheet, written once over a palette: concrete colours for SVG files
 * (LIGHT_PALETTE), the editor theme's CSS variables for the preview (THEME_PALETTE, which
 * light, dark and high-contrast themes all fill in). The preview's graph.css is this sheet
 * over THEME_PALETTE; a unit test keeps the two equal.
 */
export interface GraphPalette {
  readonly font: string;
  readonly background: string;
  readonly foreground: string;
  readonly muted: string;
  readonly nodeFill: string;
  readonly nodeBorder: string;
  readonly compoundFill: string;
  readonly clusterBorder: string;
  readonly edge: string;
  readonly catchEdge: string;
  readonly accent: string;
  readonly highlightFill: string;
  readonly success: string;
  readonly error: string;
  readonly warning: string;
  readonly link: string;
  readonly badgeText: string;
}

export const LIGHT_PALETTE: GraphPalette = {
  font: "-apple-system, BlinkMacSystemFont, 'Segoe UI', Ubuntu, sans-serif",
  background: '#ffffff',
  foreground: '#1f1f1f',
  muted: '#616161',
  nodeFill: '#f3f3f3',
  nodeBorder: '#b4b4b4',
  compoundFill: '#fafafa',
  clusterBorder: '#a9a9a9',
  edge: '#6e7681',
  catchEdge: '#bf8803',
  accent: '#0090f1',
  highlightFill: '#dce9f7',
  success: '#388a34',
  error: '#e51400',
  warning: '#bf8803',
  link: '#006ab1',
  badgeText: '#ffffff',
};

/** A palette with every colour passed through `f` (the preview resolves its variables so). */
export function mapPalette(p: GraphPalette, f: (value: string) => string): GraphPalette {
  return {
    font: f(p.font),
    background: f(p.background),
    foreground: f(p.foreground),
    muted: f(p.muted),
    nodeFill: f(p.nodeFill),
    nodeBorder: f(p.nodeBorder),
    compoundFill: f(p.compoundFill),
    clusterBorder: f(p.clusterBorder),
    edge: f(p.edge),
    catchEdge: f(p.catchEdge),
    accent: f(p.accent),
    highlightFill: f(p.highlightFill),
    success: f(p.success),
    error: f(p.error),
    warning: f(p.warning),
    link: f(p.link),
    badgeText: f(p.badgeText),
  };
}

const v = (name: string, fallback: string) => `var(--vscode-${name}, ${fallback})`;

export const THEME_PALETTE: GraphPalette = {
  font: v('font-family', 'sans-serif'),
  background: v('editor-background', LIGHT_PALETTE.background),
  foreground: v('editor-foreground', LIGHT_PALETTE.foreground),
  muted: v('descriptionForeground', LIGHT_PALETTE.muted),
  nodeFill: v('editorWidget-background', LIGHT_PALETTE.nodeFill),
  // High-contrast themes set contrastBorder; the others leave it out and fall through.
  nodeBorder: v('contrastBorder', v('editorWidget-border', LIGHT_PALETTE.nodeBorder)),
  compoundFill: v('sideBar-background', LIGHT_PALETTE.compoundFill),
  clusterBorder: v('tree-indentGuidesStroke', LIGHT_PALETTE.clusterBorder),
  edge: v('editorLineNumber-foreground', LIGHT_PALETTE.edge),
  catchEdge: v('editorWarning-foreground', LIGHT_PALETTE.catchEdge),
  accent: v('focusBorder', LIGHT_PALETTE.accent),
  highlightFill: v('list-inactiveSelectionBackground', LIGHT_PALETTE.highlightFill),
  success: v('testing-iconPassed', LIGHT_PALETTE.success),
  error: v('editorError-foreground', LIGHT_PALETTE.error),
  warning: v('editorWarning-foreground', LIGHT_PALETTE.warning),
  link: v('textLink-foreground', LIGHT_PALETTE.link),
  badgeText: v('badge-foreground', LIGHT_PALETTE.badgeText),
};

/** The rules as [selectors, declarations]; printed one declaration a line, as Prettier would. */
function rules(p: GraphPalette): readonly (readonly [readonly string[], readonly string[]])[] {
  return [
    [['.stepwise-graph'], [`font-family: ${p.font}`, `font-size: 13px`]],
    [['.stepwise-graph text'], [`fill: ${p.foreground}`]],
    [['.node-box'], [`fill: ${p.nodeFill}`, `stroke: ${p.nodeBorder}`, `stroke-width: 1`]],
    [['.compound-box'], [`fill: ${p.compoundFill}`]],
    [['.cluster-box'], [`fill: none`, `stroke: ${p.clusterBorder}`, `stroke-dasharray: 4 3`]],
    [['.node-name'], [`font-size: 13px`, `font-weight: 600`]],
    [
      [
        '.stepwise-graph .node-detail',
        '.stepwise-graph .cluster-label',
        '.stepwise-graph .progress',
        '.stepwise-graph .flags',
      ],
      [`fill: ${p.muted}`, `font-size: 11px`],
    ],
    [['.stepwise-graph .progress'], [`font-weight: 600`]],
    [
      ['.icon'],
      [
        `fill: none`,
        `stroke: ${p.foreground}`,
        `stroke-width: 1.4`,
        `stroke-linecap: round`,
        `stroke-linejoin: round`,
      ],
    ],
    [['.type-succeed .icon'], [`stroke: ${p.success}`]],
    [['.type-fail .icon'], [`stroke: ${p.error}`]],
    [['.state.start > .node-box'], [`stroke: ${p.accent}`, `stroke-width: 1.5`]],
    [['.terminal-fail > .node-box'], [`stroke: ${p.error}`]],
    [['.terminal-succeed > .node-box'], [`stroke: ${p.success}`]],
    [['.has-errors > .node-box'], [`stroke: ${p.error}`, `stroke-width: 1.5`]],
    [['.has-warnings > .node-box'], [`stroke: ${p.warning}`]],
    [['.marker-start .marker-shape'], [`fill: ${p.foreground}`]],
    [['.marker-end .marker-shape'], [`fill: none`, `stroke: ${p.foreground}`, `stroke-width: 1.5`]],
    [['.marker-end .marker-core'], [`fill: ${p.foreground}`]],
    [['.marker-missing .marker-shape'], [`fill: none`, `stroke: ${p.warning}`, `stroke-dasharray: 3 2`]],
    [['.edge-line'], [`fill: none`, `stroke: ${p.edge}`, `stroke-width: 1.4`]],
    [['.arrowhead'], [`fill: ${p.edge}`]],
    [['.kind-catch .edge-line'], [`stroke: ${p.catchEdge}`, `stroke-dasharray: 5 4`]],
    [['.kind-retry .edge-line'], [`stroke-dasharray: 2 3`]],
    [['.edge-label-box'], [`fill: ${p.background}`, `fill-opacity: 0.9`]],
    [['.stepwise-graph .edge-label'], [`fill: ${p.muted}`, `font-size: 11px`]],
    [['.stepwise-graph .kind-catch .edge-label'], [`fill: ${p.catchEdge}`]],
    [['.badge-error circle'], [`fill: ${p.error}`]],
    [['.badge-warning circle'], [`fill: ${p.warning}`]],
    [['.stepwise-graph .badge text'], [`fill: ${p.badgeText}`, `font-size: 11px`, `font-weight: 700`]],
    [['.jump-box'], [`fill: ${p.background}`, `stroke: ${p.edge}`, `stroke-dasharray: 3 2`]],
    [['.stepwise-graph .jump-label'], [`fill: ${p.link}`, `font-size: 11px`]],
    [['.highlighted > .node-box'], [`fill: ${p.highlightFill}`, `stroke: ${p.accent}`, `stroke-width: 2.5`]],
    [['.status-running > .node-box'], [`stroke: ${p.accent}`, `stroke-width: 3`]],
    [['.status-succeeded > .node-box'], [`stroke: ${p.success}`, `stroke-width: 2`]],
    [['.status-failed > .node-box'], [`stroke: ${p.error}`, `stroke-width: 2.5`]],
    [['.status-caught > .node-box'], [`stroke: ${p.warning}`, `stroke-width: 2.5`]],
    [['.status-retried > .node-box'], [`stroke: ${p.warning}`, `stroke-width: 2`, `stroke-dasharray: 6 3`]],
    [['.status-not-reached'], [`opacity: 0.45`]],
    [['.taken .edge-line'], [`stroke: ${p.success}`, `stroke-width: 3`]],
  ];
}

export function graphStyle(palette: GraphPalette): string {
  return rules(palette)
    .map(
      ([selectors, declarations]) =>
        `${selectors.join(',\n')} {\n${declarations.map((d) => `  ${d};\n`).join('')}}\n`,
    )
    .join('');
}
