// End to end with the real local chat client: `npm run dev` serves the agent and
// the Microsoft 365 Agents Playground; headless Chromium types into the page
// and reads the agent's answers there.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

/** Sends a message and returns the text of the first agent card after it that matches (a card may follow a text reply). */
async function askFor(page: Page, text: string, expect: RegExp, timeoutMs = 30_000): Promise<{ index: number; text: string }> {
  const before = await page.locator('.fai-OutputCard').count();
  await send(page, text);
  const index = await waitForCard(page, before, expect, timeoutMs);
  return { index, text: await page.locator('.fai-OutputCard').nth(index).innerText() };
}

/** Index of the first agent card at or after `from` whose text matches. */
async function waitForCard(page: Page, from: number, expect: RegExp, timeoutMs = 30_000): Promise<number> {
  const handle = await page.waitForFunction(
    ([start, pattern]) => {
      const all = [...(globalThis as any).document.querySelectorAll('.fai-OutputCard')] as Array<{ innerText?: string }>;
      const at = all.findIndex((card, i) => i >= (start as number) && new RegExp(pattern as string).test(card.innerText ?? ''));
      return at >= 0 ? at : false;
    },
    [from, expect.source] as const,
    { timeout: timeoutMs },
  );
  return (await handle.jsonValue()) as number;
}

interface Effects {
  sentMail: Array<{ from: string; message: { subject?: string; toRecipients?: Array<{ emailAddress: { address: string } }> } }>;
  deletions: Array<{ by: string; name: string }>;
}

/** Polls the Graph emulator's recorded side effects until `done` holds. */
async function effectsWhen(url: string, done: (e: Effects) => boolean, timeoutMs = 20_000): Promise<Effects> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const effects = (await (await fetch(url)).json()) as Effects;
    if (done(effects) || Date.now() > deadline) return effects;
    await new Promise((r) => setTimeout(r, 250));
  }
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
  let approverPage: Page;
  let effectsUrl: string;

  before(async function () {
    if (!existsSync(chromiumPath)) {
      // CI installs Chromium (.ci/run), so there this test always runs.
      if (process.env.CI) throw new Error(`Chromium not found at ${chromiumPath}; .ci/run should have installed it`);
      this.skip();
    }
    mkdirSync(outputDir, { recursive: true });
    // A fresh state store per run (no history or approvals from an earlier run), and a time zone that is not UTC:
    // the playground sends its own zone as the activity's localTimezone.
    const state = mkdtempSync(join(tmpdir(), 'e2e-state-'));
    stack = await startDevStack(90_000, { STATE_SQLITE_PATH: join(state, 'state.db'), AUDIT_LOG_DIR: join(state, 'audit'), TZ: 'America/Los_Angeles' });
    effectsUrl = /side effects[^\n]* at (\S+)/.exec(stack.output())?.[1] ?? '';
    assert.ok(effectsUrl, 'npm run dev prints where the Graph emulator records side effects');
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    // The browser shows card times (Adaptive Card DATE / TIME) in its own zone: the same as the playground's.
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, timezoneId: 'America/Los_Angeles' });
    const origin = new URL(stack.playgroundUrl).origin;
    // The page asks an Office CDN for fonts; nothing here reaches it, so fail those fast.
    await page.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
    await page.goto(stack.playgroundUrl, { waitUntil: 'domcontentloaded' });
    await page.locator('div[role="textbox"][data-lexical-editor="true"]').waitFor({ timeout: 60_000 });
    // Miriam's playground is open before anything is asked: it shows the approval cards posted to its channel.
    approverPage = await browser.newPage({ viewport: { width: 1280, height: 1200 }, timezoneId: 'America/Los_Angeles' });
    const approverOrigin = new URL(stack.approverUrl).origin;
    await approverPage.route('**/*', (route) => (route.request().url().startsWith(approverOrigin) ? route.continue() : route.abort()));
    await approverPage.goto(stack.approverUrl, { waitUntil: 'domcontentloaded' });
    await approverPage.locator('.fai-OutputCard').first().waitFor({ timeout: 60_000 });
    await approverPage.getByText('Approvers', { exact: true }).first().click();
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

  it('issue 12: follows up over the conversation with citations, local times, and a send the user confirms', async () => {
    const files = await askFor(page, 'what files do I have about the budget?', /Files about/);
    // Times in the user's zone (the playground's), not UTC.
    assert.match(files.text, /P[SD]T/);
    assert.doesNotMatch(files.text, /UTC/);
    const summary = await askFor(page, 'summarise the second one', /Summary of "Q3 budget review\.pdf"/);
    // The summary cites the file it used, and carries the AI-generated label.
    assert.ok((await page.locator('.fai-OutputCard').nth(summary.index).locator('.fai-Citation').count()) > 0, 'the summary has a citation');
    await page.getByText('AI generated', { exact: true }).first().waitFor({ timeout: 10_000 });
    const editor = await askFor(page, 'who last edited it?', /last edited by/);
    assert.match(editor.text, /Q3 budget review\.pdf" was last edited by Megan Bowen on .*P[SD]T/);
    // The recipient is a colleague the user named in this message: the user confirms (no approver), seeing the exact body.
    const card = await askFor(page, 'send that summary to miriam@contoso.example', /Please confirm before I do this/);
    assert.match(card.text, /miriam@contoso\.example/);
    assert.match(card.text, /Spent 310k of a 400k quarterly budget/);
    assert.doesNotMatch(card.text, /Approval needed/);
    await page.screenshot({ path: join(outputDir, 'playground-issue12-flow.png'), fullPage: true });
    const effects = await effectsWhen(effectsUrl, () => false, 0);
    assert.equal(effects.sentMail.length, 0, 'nothing is sent before the user confirms');
  });

  it('issue 13: the user confirms a mail (sent once); a delete waits for Miriam, who approves it in her playground', async () => {
    const confirm = await askFor(page, 'send the budget draft summary to miriam@contoso.example', /Please confirm before I do this/);
    await page.locator('.fai-OutputCard').nth(confirm.index).getByRole('button', { name: 'Confirm' }).click();
    const sent = await effectsWhen(effectsUrl, (e) => e.sentMail.length > 0);
    await page.waitForTimeout(1000);
    const after = await effectsWhen(effectsUrl, () => false, 0);
    assert.equal(after.sentMail.length, 1, 'one mail');
    assert.equal(sent.sentMail[0]?.from, 'megan@contoso.example');
    assert.deepEqual(sent.sentMail[0]?.message.toRecipients?.map((r) => r.emailAddress.address), ['miriam@contoso.example']);
    await page.screenshot({ path: join(outputDir, 'playground-issue13-confirmed.png'), fullPage: true });

    const status = await askFor(page, 'delete the budget draft', /Approval needed/);
    assert.match(status.text, /Marketing budget 2026 draft\.docx/);
    // The expiry is shown in the viewer's local time, rendered by the client (no GMT, no raw DATE()).
    assert.match(status.text, /Expires\s+\S[^\n]*\d{1,2}:\d{2}\s?[AP]M/);
    assert.doesNotMatch(status.text, /GMT|\{\{/);
    // Miriam sees the approval card in the Approvers channel of her playground and approves.
    const approval = approverPage.locator('.fai-OutputCard, [class*="ac-adaptiveCard"]').filter({ hasText: 'Marketing budget 2026 draft.docx' }).last();
    await approval.waitFor({ timeout: 30_000 });
    await approverPage.screenshot({ path: join(outputDir, 'playground-issue13-approver.png'), fullPage: true });
    await approval.getByRole('button', { name: 'Approve' }).click();
    const deleted = await effectsWhen(effectsUrl, (e) => e.deletions.length > 0);
    assert.deepEqual(deleted.deletions.map((d) => [d.by, d.name]), [['megan@contoso.example', 'Marketing budget 2026 draft.docx']]);
    // The requester is told in her chat.
    await waitForCard(page, status.index + 1, /deleted|approved/i);
    await approverPage.screenshot({ path: join(outputDir, 'playground-issue13-approved.png'), fullPage: true });
    await page.screenshot({ path: join(outputDir, 'playground-issue13-requester-told.png'), fullPage: true });
    assert.equal((await effectsWhen(effectsUrl, () => false, 0)).deletions.length, 1, 'deleted once');
  });
});
