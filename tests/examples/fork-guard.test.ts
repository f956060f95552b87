// Issue 17: a guard added the way docs/extending.md says (defineGuard, passed
// to createAgentRuntime's `guards` option) runs in the real agent, behind
// /api/messages, on every turn, and its verdict is audited.
import assert from 'node:assert/strict';
import { codeNameGuard } from '../../examples/code-name-guard.js';
import { readRecentAuditEntries } from '../../src/audit/local-audit-log.js';
import { messageActivity, postActivity, startAgentUnderTest, type AgentUnderTest } from '../support/agent-under-test.js';

describe('example guard from docs/extending.md: code names (issue 17)', () => {
  let agent: AgentUnderTest;
  before(async () => {
    agent = await startAgentUnderTest({}, { guards: [codeNameGuard] });
  });
  after(async () => {
    await agent?.close();
  });

  it('blocks a user message with a code name, even with an invisible character in it, and audits the verdict', async () => {
    const reply = await postActivity(agent.url, messageActivity('what is the launch date of project fal\u200Bcon?'));
    assert.equal(reply.status, 200);
    assert.doesNotMatch(reply.texts.join(' '), /falcon/i);
    const records = (await readRecentAuditEntries(agent.auditDir, 50)).map((e) => e.body as any);
    const turn = records.filter((r) => r?.activityType === 'message').at(-1);
    assert.equal(turn.outcome, 'blocked');
    assert.ok(turn.guardVerdicts.some((v: any) => v.guard === 'code-names' && v.action === 'block' && v.channel === 'input'), JSON.stringify(turn.guardVerdicts));
  });

  it('lets other messages through', async () => {
    const reply = await postActivity(agent.url, messageActivity('help'));
    assert.equal(reply.status, 200);
    const turn = (await readRecentAuditEntries(agent.auditDir, 50)).map((e) => e.body as any).filter((r) => r?.activityType === 'message').at(-1);
    assert.notEqual(turn.outcome, 'blocked');
  });
});
