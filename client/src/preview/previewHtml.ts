/**
 * The preview page, free of the vscode module so that the webview tests load exactly what the
 * panel shows. Everything the page runs or styles carries the nonce; nothing else may load.
 */
export interface PreviewPage {
  /** `webview.cspSource`: the origin VS Code serves local resources from. */
  readonly cspSource: string;
  /** The webview URI of dist/webview.js. */
  readonly scriptUri: string;
  /** A fresh random nonce per page (crypto, never Math.random). */
  readonly nonce: string;
}

export function previewHtml({ cspSource, scriptUri, nonce }: PreviewPage): string {
  const csp = [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${csp};">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <title>Stepwise preview</title>
  <style nonce="${nonce}">${PREVIEW_CSS}</style>
</head>
<body>
  <div id="banner" role="status" hidden></div>
  <div id="states"></div>
  <script nonce="${nonce}" src="${scriptUri}"></script>
</body>
</html>`;
}

/** Colours come only from the theme's variables, so light, dark and high-contrast themes all work. */
const PREVIEW_CSS = `
body {
  color: var(--vscode-foreground);
  background: var(--vscode-editor-background);
  font-family: var(--vscode-font-family);
  font-size: var(--vscode-font-size);
  padding: 0.5em 1em;
}
#banner {
  margin-bottom: 0.75em;
  padding: 0.4em 0.6em;
  color: var(--vscode-editorError-foreground);
  background: var(--vscode-inputValidation-errorBackground);
  border: 1px solid var(--vscode-inputValidation-errorBorder, var(--vscode-editorError-foreground));
}
#banner[hidden] { display: none; }
.empty { color: var(--vscode-descriptionForeground); }
ul.states, ul.scopes { list-style: none; margin: 0; padding: 0; }
ul.scopes { padding-left: 1.25em; border-left: 1px solid var(--vscode-tree-indentGuidesStroke); margin-left: 0.6em; }
.scope-label {
  color: var(--vscode-descriptionForeground);
  font-size: 0.9em;
  padding: 0.2em 0.4em;
}
ul.scope-states { list-style: none; margin: 0; padding: 0 0 0 0.5em; }
.row {
  display: flex;
  align-items: center;
  gap: 0.5em;
  padding: 0.15em 0.4em;
  cursor: pointer;
  border: 1px solid transparent;
  border-radius: 2px;
}
.row:hover { background: var(--vscode-list-hoverBackground); }
.row:focus { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
.row.highlighted {
  color: var(--vscode-list-activeSelectionForeground);
  background: var(--vscode-list-activeSelectionBackground);
  border-color: var(--vscode-contrastActiveBorder, transparent);
}
.badge {
  min-width: 4.5em;
  text-align: center;
  padding: 0 0.4em;
  border-radius: 2px;
  font-size: 0.85em;
  color: var(--vscode-badge-foreground);
  background: var(--vscode-badge-background);
  border: 1px solid var(--vscode-contrastBorder, transparent);
}
.badge.unknown { color: var(--vscode-editorWarning-foreground); background: transparent; border-color: currentColor; }
.start {
  font-size: 0.85em;
  color: var(--vscode-textLink-foreground);
}
`;
