/**
 * The workbench of code-server as a user sees it, driven through playwright-core: the keyboard
 * for commands and quick open, the mouse for gutters, code lenses and the graph. Every step
 * waits for what it needs to see; a failure says what it waited for.
 */
import type { FrameLocator, Locator, Page } from 'playwright-core';

/** The longest any single thing may take to appear (a cold extension host, a first layout). */
export const UI_TIMEOUT_MS = 45_000;

export class Workbench {
  constructor(readonly page: Page) {}

  async waitUntilLoaded(): Promise<void> {
    await this.page.locator('.monaco-workbench').waitFor({ timeout: UI_TIMEOUT_MS });
    await this.page
      .locator('.explorer-folders-view .monaco-list-row')
      .first()
      .waitFor({ timeout: UI_TIMEOUT_MS });
  }

  /** Opens a file of the workspace with quick open (Ctrl+P). */
  async openFile(name: string): Promise<void> {
    await this.quickInput('Control+P', name);
    await this.page
      .locator('.quick-input-list .monaco-list-row', { hasText: name })
      .first()
      .waitFor({ timeout: UI_TIMEOUT_MS });
    await this.page.keyboard.press('Enter');
    await this.activeTab(name).waitFor({ timeout: UI_TIMEOUT_MS });
    await this.editor().locator('.view-lines').waitFor({ timeout: UI_TIMEOUT_MS });
  }

  /** Runs a command of the palette by its title (F1). */
  async runCommand(title: string): Promise<void> {
    await this.quickInput('F1', title);
    await this.page
      .locator('.quick-input-list .monaco-list-row', { hasText: title })
      .first()
      .waitFor({ timeout: UI_TIMEOUT_MS });
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
  }

  /** Puts the cursor at a 1-based line and column with Go to Line (Ctrl+G). */
  async goTo(line: number, column: number): Promise<void> {
    await this.quickInput('Control+G', `${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.statusSelection(new RegExp(`^Ln ${line}, Col ${column}\\b`));
  }

  /** The editor's cursor position in the status bar ("Ln 31, Col 6") once it matches. */
  async statusSelection(expected: RegExp): Promise<string> {
    const item = this.page.locator('#status\\.editor\\.selection');
    await item.filter({ hasText: expected }).waitFor({ timeout: UI_TIMEOUT_MS });
    return (await item.innerText()).trim();
  }

  activeTab(name: string): Locator {
    return this.page.locator('.tabs-container .tab.active', { hasText: name });
  }

  /** The text editor of the first editor group. */
  editor(): Locator {
    return this.page.locator('.editor-group-container').first().locator('.monaco-editor').first();
  }

  /** The line-number element of a 1-based line, once the editor shows it. */
  lineNumber(line: number): Locator {
    return this.editor()
      .locator('.margin-view-overlays .line-numbers')
      .filter({ hasText: new RegExp(`^${line}$`) });
  }

  /**
   * Clicks the gutter of a 1-based line where a breakpoint goes: the glyph margin, left of the
   * line numbers.
   */
  async clickGutter(line: number): Promise<void> {
    const number = this.lineNumber(line);
    await number.waitFor({ timeout: UI_TIMEOUT_MS });
    const box = await number.boundingBox();
    const margin = await this.editor().locator('.glyph-margin').first().boundingBox();
    if (box === null || margin === null) throw new Error(`line ${line} of the editor is not on screen`);
    await this.page.mouse.click(margin.x + margin.width / 2, box.y + box.height / 2);
  }

  /** The page of the (first) editor webview: VS Code nests it in two frames. */
  webview(): FrameLocator {
    return this.page
      .locator('iframe.webview.ready')
      .first()
      .contentFrame()
      .locator('iframe#active-frame')
      .contentFrame();
  }

  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path });
  }

  private async quickInput(key: string, text: string): Promise<void> {
    await this.page.keyboard.press(key);
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    // The palette opens with ">" and Go to Line with ":" already typed: keep that prefix.
    const prefix = (await input.inputValue()).replace(/[^>:]/g, '');
    await input.fill(`${prefix}${text}`);
  }
}
