// End to end with the real local chat client: `npm run dev` serves the agent and
// the Microsoft 365 Agents Playground; headless Chromium types into the page
// and reads the agent's answers there.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startDevStack, type DevStack } from '../support/dev-stack.js';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const outputDir = join(process.cwd(), 'test-output', 'e2e');

/** Sends a message and returns the text of the first agent card that arrives after it. */
async function ask(page: Page, text: string, expect: RegExp, timeoutMs = 30_000): Promise<string> {
  const cards = page.locator('.fai-OutputCard');
  const before = await cards.count();
  await send(page, text);
  const answer = cards.nth(before);
  await answer.waitFor({ state: 'visible', timeout: timeoutMs });
  await page.waitForFunction(
    ([index, pattern]) => new RegExp(pattern as string).test(((globalThis as any).document.querySelectorAll('.fai-OutputCard')[index as number] as { innerText?: string } | undefined)?.innerText ?? ''),
    [before, expect.source] as const,
    { timeout: timeoutMs },
  );
  return answer.innerText();
}

async function send(page: Page, text: string): Promise<void> {
  const input = page.locator('div[role="textbox"][data-lexical-editor="true"]');
  await input.click();
  await input.pressSequentially(text, { delay: 5 });
  await page.keyboard.press('Enter');
}

describe('e2e: chatting in the Agents Playground (headless Chromium)', function () {
  this.timeout(180_000);
  let stack: DevStack | undefined;
  let browser: Browser | undefined;
  let page: Page;

  before(async function () {
    if (!existsSync(chromiumPath)) {
      // CI installs Chromium (.ci/run), so there this test always runs.
      if (process.env.CI) throw new Error(`Chromium not found at ${chromiumPath}; .ci/run should have installed it`);
      this.skip();
    }
    mkdirSync(outputDir, { recursive: true });
    stack = await startDevStack();
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const origin = new URL(stack.playgroundUrl).origin;
    // The page asks an Office CDN for fonts; nothing here reaches it, so fail those fast.
    await page.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
    await page.goto(stack.playgroundUrl, { waitUntil: 'domcontentloaded' });
    await page.locator('div[role="textbox"][data-lexical-editor="true"]').waitFor({ timeout: 60_000 });
  });

  after(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('shows the agent’s answer to a message typed in the page', async () => {
    // Let the welcome message (sent when the playground opens the chat) arrive first.
    await page.locator('.fai-OutputCard').first().waitFor({ timeout: 30_000 });
    const reply = await ask(page, 'help', /Commands:/);
    assert.match(reply, /what files do I have about the budget/);
    await page.screenshot({ path: join(outputDir, 'playground-help.png'), fullPage: true });
  });

  it('answers from the emulated tenant through SSO and on-behalf-of, as the mapped demo user', async () => {
    const reply = await ask(page, 'what files do I have about the budget?', /Files about/);
    assert.match(reply, /Marketing budget 2026 draft\.docx/);
    // Another user's private file never shows up for this user.
    assert.doesNotMatch(reply, /salary/i);
    assert.match(reply, /offline demo model/);
    // The answer carries the AI-generated label (the playground renders the Teams AI entity); the help text did not.
    await page.getByText('AI generated', { exact: true }).first().waitFor({ timeout: 10_000 });
    await page.screenshot({ path: join(outputDir, 'playground-budget.png'), fullPage: true });
  });
});
