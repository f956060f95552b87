// Renders the approval card with the adaptivecards renderer in headless Chromium
// (no network: the page is set from strings) and saves a screenshot for review:
// test-output/approval-card.png. Checks that the buttons and the masked summary
// are what a person sees.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { approvalCard } from '../../src/approvals/approval-cards.js';
import { argumentsHash, type ApprovalRecord } from '../../src/approvals/approval-record.js';
import type { GraphCaller } from '../../src/tools/actions/graph-caller.js';
import { sendMailTool } from '../../src/tools/actions/send-mail.js';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const outputDir = join(process.cwd(), 'test-output');

describe('approval card rendered by the adaptivecards renderer (headless Chromium)', function () {
  this.timeout(60_000);
  let browser: Browser | undefined;
  before(function () {
    if (!existsSync(chromiumPath)) {
      if (process.env.CI) throw new Error(`Chromium not found at ${chromiumPath}`);
      this.skip();
    }
  });
  after(async () => {
    await browser?.close();
  });

  it('shows who asks, the action, the masked summary, the reason and the Approve / Reject buttons', async () => {
    const args = { to: ['partner@fabrikam.example'], subject: 'Q3 numbers', body: 'Figures attached. Card on file 4111 1111 1111 1111.' };
    const record: ApprovalRecord = {
      id: '6f1c2b7e-2d7a-4a57-9d0e-5b1a4c3d2e1f',
      kind: 'approval',
      tenantId: '11111111-1111-1111-1111-111111111111',
      requester: { userId: '29:megan', name: 'Megan Bowen' },
      tool: 'send_mail',
      args,
      argsSha256: argumentsHash('send_mail', args),
      risk: 'external',
      rule: 'risk.external.tainted',
      reason: 'Sending data out after reading documents or mail needs approval.',
      turnId: 't1',
      createdAt: new Date().toISOString(),
      expiresAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
      state: 'pending',
      idempotencyKey: 'k1',
      history: [],
    };
    const card = approvalCard(record, 'approver', { tool: sendMailTool({} as GraphCaller) });
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
    const page = await browser.newPage({ viewport: { width: 560, height: 900 } });
    await page.route('**/*', (route) => route.abort());
    await page.setContent('<!doctype html><html><body style="font-family: sans-serif; background: #fff"><div id="card" style="width: 500px"></div></body></html>');
    await page.addStyleTag({ path: join(process.cwd(), 'node_modules/adaptivecards/dist/adaptivecards.css') });
    await page.addScriptTag({ path: join(process.cwd(), 'node_modules/adaptivecards/dist/adaptivecards.min.js') });
    const rendered = await page.evaluate((json) => {
      const AC = (globalThis as any).AdaptiveCards;
      const adaptiveCard = new AC.AdaptiveCard();
      adaptiveCard.parse(json);
      const element = adaptiveCard.render();
      document.getElementById('card')!.appendChild(element);
      return { text: element.innerText as string, buttons: [...element.querySelectorAll('button')].map((b) => (b as HTMLElement).innerText.trim()) };
    }, card);
    assert.deepEqual(rendered.buttons, ['Approve', 'Reject']);
    assert.match(rendered.text, /Megan Bowen/);
    assert.match(rendered.text, /partner@fabrikam\.example/);
    assert.match(rendered.text, /\[CREDIT_CARD\]/);
    assert.doesNotMatch(rendered.text, /4111/);
    mkdirSync(outputDir, { recursive: true });
    await page.locator('#card').screenshot({ path: join(outputDir, 'approval-card.png') });
  });
});
