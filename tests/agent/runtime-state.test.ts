// The runtime builds one state store from the STATE_* settings and closes it on shutdown.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StateError } from '../../src/state/state-errors.js';
import { startAgentUnderTest } from '../support/agent-under-test.js';

describe('agent runtime: shared state store', () => {
  it('opens the configured backend (SQLite file) and closes it on shutdown', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sta-state-')), 'state.db');
    const agent = await startAgentUnderTest({ STATE_BACKEND: 'sqlite', STATE_SQLITE_PATH: path });
    assert.equal(agent.runtime.state.backend, 'sqlite');
    assert.ok(existsSync(path));
    await agent.runtime.state.put('probe', 'k', { ok: true });
    await agent.close();
    await assert.rejects(agent.runtime.state.get('probe', 'k'), (err: unknown) => err instanceof StateError);
  });
});
