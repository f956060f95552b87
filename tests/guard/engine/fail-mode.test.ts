import assert from 'node:assert/strict';
import { runSafely } from '../../../src/guard/engine/guard-engine.js';

describe('guard fail modes', () => {
  const broken = () => {
    throw new Error('detector crashed on 4111 1111 1111 1111');
  };

  it('a failing fail-closed guard blocks, says so in the verdict and keeps the error text out', async () => {
    const outcome = await runSafely({ name: 'harm', failMode: 'closed', run: broken });
    const [v] = outcome.verdicts;
    assert.equal(v?.action, 'block');
    assert.equal(v?.category, 'guard-error');
    assert.equal(v?.fallback, 'fail-closed');
    assert.equal(outcome.messageKey, 'unavailable');
    assert.doesNotMatch(JSON.stringify(outcome), /4111/);
  });

  it('a failing fail-open guard allows and records it', async () => {
    const outcome = await runSafely({ name: 'links', failMode: 'open', run: async () => broken() });
    assert.equal(outcome.verdicts[0]?.action, 'allow');
    assert.equal(outcome.verdicts[0]?.fallback, 'fail-open');
  });

  it('a working guard is passed through unchanged', async () => {
    const outcome = await runSafely({ name: 'dlp', failMode: 'closed', run: () => ({ verdicts: [], edits: [] }) });
    assert.deepEqual(outcome, { verdicts: [], edits: [] });
  });
});
