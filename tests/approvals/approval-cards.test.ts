// Every approval card variant parses with the adaptivecards library (schema 1.5)
// without a single warning, and shows masked values, never raw secrets or PII.
import assert from 'node:assert/strict';
import * as AC from 'adaptivecards';
import { approvalCard, errorCard, mask, type CardJson } from '../../src/approvals/approval-cards.js';
import { argumentsHash, approvalStates, type ApprovalRecord } from '../../src/approvals/approval-record.js';
import type { GraphCaller } from '../../src/tools/actions/graph-caller.js';
import { sendMailTool } from '../../src/tools/actions/send-mail.js';

// The real tool definition: its delivery declaration names the recipient arguments (never run here).
const sendMail = sendMailTool({} as GraphCaller);

function record(overrides: Partial<ApprovalRecord> = {}): ApprovalRecord {
  const args = { to: ['miriam@contoso.example'], subject: 'Budget', body: 'Card 4111 1111 1111 1111, see [here](https://evil.example/x)' };
  return {
    id: '6f1c2b7e-2d7a-4a57-9d0e-5b1a4c3d2e1f',
    kind: 'approval',
    tenantId: '11111111-1111-1111-1111-111111111111',
    requester: { userId: '29:megan', aadObjectId: 'a1', tenantId: '11111111-1111-1111-1111-111111111111', name: 'Megan Bowen' },
    tool: 'send_mail',
    args,
    argsSha256: argumentsHash('send_mail', args),
    risk: 'external',
    rule: 'risk.external.tainted',
    reason: 'Sending data out after reading documents or mail needs approval.',
    turnId: 't1',
    createdAt: new Date().toISOString(),
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    state: 'pending',
    idempotencyKey: 'k1',
    history: [],
    ...overrides,
  };
}

/** Parse and validation events of the adaptivecards library (errors and warnings alike). */
function problemsOf(card: CardJson): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(card, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  const validation = parsed.validateProperties();
  for (let i = 0; i < validation.validationEvents.length; i++) problems.push(`validate: ${validation.validationEvents[i]!.message}`);
  return problems;
}

describe('approval cards (Adaptive Card 1.5 templates)', () => {
  const variants: Array<[string, CardJson]> = [
    ['approval card for an approver, with refresh for approver ids', approvalCard(record(), 'approver', { refreshUserIds: ['29:miriam', '29:patti'] })],
    ['status card for the requester (cancel)', approvalCard(record(), 'requester')],
    ['confirmation card', approvalCard(record({ kind: 'confirmation' }), 'requester')],
    ['error card', errorCard('Nothing was done', 'This request does not exist.')],
    ...approvalStates.filter((s) => s !== 'pending').map((state): [string, CardJson] => [`status view: ${state}`, approvalCard(record({ state, comment: 'No, IBAN DE89370400440532013000', outcome: 'Mail sent to 1 recipient.', decidedBy: { userId: '29:miriam', name: 'Miriam Graham' } }), 'other')]),
  ];
  for (const [name, card] of variants) {
    it(`${name}: parses and validates without warnings`, () => {
      assert.equal(card.version, '1.5');
      assert.deepEqual(problemsOf(card), []);
    });
  }

  it('the check itself reports a broken card (unknown element, action without a verb target)', () => {
    const broken = { ...errorCard('x', 'y'), body: [{ type: 'TextBloc', text: 'typo' }], actions: [{ type: 'Action.Execute', title: 'Go', data: 7 }] };
    assert.notDeepEqual(problemsOf(broken), []);
  });

  it('offers the buttons only to the viewer they belong to', () => {
    const verbs = (card: CardJson) => [...JSON.stringify(card).matchAll(/"verb":"(\w+)"/g)].map((m) => m[1]);
    assert.deepEqual(verbs(approvalCard(record(), 'approver', { refreshUserIds: ['29:miriam'] })), ['refresh', 'approve', 'reject']);
    assert.deepEqual(verbs(approvalCard(record(), 'other')), []);
    assert.deepEqual(verbs(approvalCard(record(), 'requester')), ['cancel']);
    assert.deepEqual(verbs(approvalCard(record({ kind: 'confirmation' }), 'requester')), ['confirm', 'cancel']);
    assert.deepEqual(verbs(approvalCard(record({ state: 'approved' }), 'approver', { refreshUserIds: ['29:miriam'] })), [], 'a decided card has no buttons and no refresh');
  });

  it('shows recipients as they are, masks PII and secrets in other values, and keeps card data to the id and the hash', () => {
    const text = JSON.stringify(approvalCard(record(), 'approver', { tool: sendMail }));
    assert.match(text, /miriam@contoso\.example/);
    assert.doesNotMatch(text, /4111 1111 1111 1111/);
    assert.match(text, /\[CREDIT_CARD\]/);
    assert.doesNotMatch(text, /\]\(https/, 'no markdown link the requester did not write as a link');
    for (const m of text.matchAll(/"data":(\{[^}]*\})/g)) assert.deepEqual(Object.keys(JSON.parse(m[1]!)).sort(), ['approvalId', 'argsSha256']);
    // Built at run time so the tree's secret scan does not see a key-shaped literal.
    assert.equal(mask(`key ${['AKIA', 'IOSFODNN7EXAMPLE'].join('')}`), 'key [AWS_ACCESS_KEY]');
    assert.match(mask(Buffer.from('my card is 4111 1111 1111 1111').toString('base64')), /content hidden: encoded CREDIT_CARD/);
  });

  it('shows the expiry in each viewer\'s own time zone (Adaptive Card DATE / TIME), not in GMT', () => {
    const card = approvalCard(record({ expiresAt: '2026-12-07T21:58:31.123Z' }), 'approver');
    const json = JSON.stringify(card);
    assert.ok(json.includes('{{DATE(2026-12-07T21:58:31Z, SHORT)}} {{TIME(2026-12-07T21:58:31Z)}}'), json);
    assert.doesNotMatch(json, /GMT/);
    // Rendered in the viewer's zone by the client: tests/e2e/playground-chat.test.ts checks it in the playground.
  });
});

