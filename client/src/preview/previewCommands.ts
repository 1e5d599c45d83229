import * as vscode from 'vscode';
import type { ExportFormat } from './messages';
import { PreviewPanel } from './previewPanel';

/** "Export Graph as SVG/PNG": of the preview focused last. */
export function registerExportCommands(): vscode.Disposable[] {
  const exportAs = (format: ExportFormat) => async () => {
    const panel = PreviewPanel.current();
    if (panel === undefined) {
      void vscode.window.showInformationMessage('Stepwise: open the graph preview first, then export it.');
      return;
    }
    await panel.exportAs(format);
  };
  return [
    vscode.commands.registerCommand('stepwise.preview.exportSvg', exportAs('svg')),
    vscode.commands.registerCommand('stepwise.preview.exportPng', exportAs('png')),
  ];
}
