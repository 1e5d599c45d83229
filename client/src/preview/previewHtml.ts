/**
 * The preview page, free of the vscode module so that the webview tests load exactly what the
 * panel shows. The CSP allows only the extension's own files: the script by nonce, the
 * stylesheet by origin, and the layout worker, which VS Code webviews can start only from a
 * blob: URL, so the page fetches dist/layoutWorker.js (connect-src) and starts it from a blob
 * (worker-src blob:). A blob can only be made by the page's script, which the nonce already vets.
 */
export interface PreviewPage {
  /** `webview.cspSource`: the origin VS Code serves local resources from. */
  readonly cspSource: string;
  /** The webview URIs of dist/webview.js, dist/webview.css and dist/layoutWorker.js. */
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly workerUri: string;
  /** A fresh random nonce per page (crypto, never Math.random). */
  readonly nonce: string;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    // data: is the SVG drawn onto a canvas when the graph is exported as PNG.
    `img-src ${cspSource} data:`,
    `style-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `connect-src ${cspSource}`,
    'worker-src blob:',
  ].join('; ');
}

export function previewHtml({ cspSource, scriptUri, styleUri, workerUri, nonce }: PreviewPage): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${attribute(contentSecurityPolicy(cspSource, nonce))};">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <title>Stepwise graph</title>
  <link rel="stylesheet" href="${attribute(styleUri)}">
</head>
<body data-worker="${attribute(workerUri)}">
  <div id="toolbar" role="toolbar" aria-label="Graph view">
    <button id="zoom-out" type="button" title="Zoom out (-)" aria-label="Zoom out">−</button>
    <button id="zoom-in" type="button" title="Zoom in (+)" aria-label="Zoom in">+</button>
    <button id="fit" type="button" title="Fit to view (0)">Fit</button>
  </div>
  <div id="banner" role="status" hidden></div>
  <div id="run" role="status" hidden></div>
  <div id="viewport" tabindex="0" aria-label="State machine graph. Arrow keys pan, plus and minus zoom, 0 fits, Tab moves between states, Enter goes to a state."></div>
  <div id="minimap" aria-hidden="true" hidden></div>
  <p id="empty" hidden></p>
  <script nonce="${attribute(nonce)}" src="${attribute(scriptUri)}"></script>
</body>
</html>`;
}

function attribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
