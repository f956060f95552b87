// The Auditor's `audit` command on a large log (about 80 MB, generated here)
// through /api/messages of the agent process: it finds the user's turns deep in
// the log and answers correctly, and the agent keeps answering /healthz while it
// reads (the log is read backwards with async reads, never on the event loop in
// one piece): answers come all along, none waits for a large part of the audit
// request. How fast /healthz answers meanwhile is a bench (npm run bench:audit).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startIdentityStandIns, type IdentityStandIns } from '../../emulators/graph/dev-identity-stand-ins.js';
import { startAgentProcess, type AgentProcess } from '../support/agent-process.js';
import { messageActivity, postActivity } from '../support/agent-under-test.js';
import { probeHealthWhile, writeLargeAuditLog } from '../support/large-audit-log.js';

const targetOid = '00000000-0000-0000-0000-0000000a0d17';

describe('audit command on a large log does not block other requests', function () {
  this.timeout(180_000);
  let root: string;
  let ids: IdentityStandIns;
  let agent: AgentProcess;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'sta-audit-load-'));
    // Three turns of the target user 60 MB from the end: a filtered view has to read back that far (its limit is 64 MB).
    const log = await writeLargeAuditLog(join(root, 'log'), { megabytes: 80, target: { aadObjectId: targetOid, count: 3, megabytesFromEnd: 60 } });
    ids = await startIdentityStandIns({ devUser: 'patti@contoso.example' });
    agent = await startAgentProcess({ ...ids.agentEnv, AUDIT_LOG_DIR: join(root, 'log'), AUDIT_SIGNING_KEY: log.signingKeyEnv, STATE_SQLITE_PATH: join(root, 'state.db') });
  });
  after(async () => {
    await agent?.stop();
    await ids?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers `audit user <oid>` with the turns 60 MB back, while /healthz keeps answering', async () => {
    let auditMs = 0;
    const t0 = performance.now();
    const asking = postActivity(agent.url, messageActivity(`audit user ${targetOid}`, { serviceUrl: undefined })).finally(() => (auditMs = performance.now() - t0));
    const { probe, result: reply } = await probeHealthWhile(agent.url, asking);

    assert.equal(reply.status, 200);
    const card = JSON.stringify(reply.body.activities[0]?.attachments?.[0]?.content ?? null);
    assert.match(card, /chain intact from the last signed checkpoint/);
    assert.equal((card.match(/"title":"Turn"/g) ?? []).length, 3, 'the three turns of that user, found 60 MB back');

    assert.equal(probe.failures, 0);
    assert.ok(probe.answeredDuring >= 5, `/healthz answered ${probe.answeredDuring} times while the audit view was read`);
    // Answers came throughout, not only before or after one long blocking read (how fast is the bench's business).
    const longest = Math.max(...probe.latenciesMs);
    assert.ok(longest < auditMs / 2, `one /healthz waited ${longest.toFixed(0)} ms of the audit request's ${auditMs.toFixed(0)} ms`);
  });
});
