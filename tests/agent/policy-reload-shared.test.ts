// "reload policy" on one instance reaches the others: a generation counter in
// the shared state store moves, and every instance reloads its own policy files
// on its next turn.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGuardPolicy } from '../../src/guard/index.js';
import { messageActivity, postActivity, startAgentUnderTest, type AgentUnderTest } from '../support/agent-under-test.js';

describe('agent: policy reload across instances (shared state store)', () => {
  let agents: AgentUnderTest[] = [];
  after(async () => {
    for (const a of agents) await a.close();
  });

  it('a reload on instance A applies on instance B from its next turn', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sta-policy-'));
    const policyFile = join(dir, 'guard-policy.json');
    copyFileSync('policy/guard-policy.json', policyFile);
    const env = { GUARD_POLICY_FILE: policyFile, STATE_BACKEND: 'sqlite', STATE_SQLITE_PATH: join(dir, 'state.db') };
    agents = [await startAgentUnderTest(env), await startAgentUnderTest(env)];
    const tooLong = (await loadGuardPolicy()).messages.tooLong;
    const text = 'Please tell me a short story about the sea and the sky.';
    assert.ok(!(await postActivity(agents[1]!.url, messageActivity(text))).texts.includes(tooLong));

    const policy = JSON.parse(readFileSync(policyFile, 'utf8'));
    writeFileSync(policyFile, JSON.stringify({ ...policy, limits: { ...policy.limits, maxInputChars: 20 } }));
    assert.deepEqual(await agents[0]!.runtime.reloadPolicies(), ['guard policy', 'tool policy']);
    assert.ok((await postActivity(agents[1]!.url, messageActivity(text))).texts.includes(tooLong), 'instance B still runs the old policy');
  });

  it('a reload on instance A applies to every turn B starts after it, also to turns that start together', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sta-policy-'));
    const policyFile = join(dir, 'guard-policy.json');
    copyFileSync('policy/guard-policy.json', policyFile);
    const env = { GUARD_POLICY_FILE: policyFile, STATE_BACKEND: 'sqlite', STATE_SQLITE_PATH: join(dir, 'state.db') };
    const pair = [await startAgentUnderTest(env), await startAgentUnderTest(env)];
    agents.push(...pair);
    const tooLong = (await loadGuardPolicy()).messages.tooLong;
    const text = 'Please tell me a short story about the sea and the sky.';
    const together = async () => Promise.all(Array.from({ length: 6 }, () => postActivity(pair[1]!.url, messageActivity(text))));
    assert.ok((await together()).every((r) => !r.texts.includes(tooLong)));

    const policy = JSON.parse(readFileSync(policyFile, 'utf8'));
    writeFileSync(policyFile, JSON.stringify({ ...policy, limits: { ...policy.limits, maxInputChars: 20 } }));
    await pair[0]!.runtime.reloadPolicies();
    const after = await together();
    assert.ok(after.every((r) => r.texts.includes(tooLong)), 'every turn started after the reload runs the new policy');
  });
});
