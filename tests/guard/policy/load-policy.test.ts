import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GuardPolicyError, loadGuardPolicy, parseGuardPolicy } from '../../../src/guard/index.js';

describe('guard policy', () => {
  it('the shipped policy file is valid', async () => {
    const policy = await loadGuardPolicy();
    assert.equal(policy.version, 1);
    assert.equal(policy.dlp.output.CREDIT_CARD, 'mask');
  });

  it('fills defaults for omitted sections', () => {
    const policy = parseGuardPolicy({ version: 1 });
    assert.deepEqual(policy.injection.providers, ['local']);
    assert.equal(policy.harm.severityThresholds.self_harm, 4);
    assert.equal(policy.links.action, 'mask');
  });

  it('names the field and how to fix it when a value is wrong', () => {
    assert.throws(
      () => parseGuardPolicy({ version: 1, harm: { severityThresholds: { hate: 3 } } }, 'p.json'),
      (err: unknown) => err instanceof GuardPolicyError && /harm\.severityThresholds\.hate: expected 2, 4, 6 or "off"/.test(err.message) && /GUARD_POLICY_FILE/.test(err.message),
    );
  });

  it('rejects unknown data types and unknown keys', () => {
    assert.throws(() => parseGuardPolicy({ version: 1, dlp: { input: { PASSPORT: 'mask' } } }), /dlp\.input\.PASSPORT: unknown data type/);
    assert.throws(() => parseGuardPolicy({ version: 1, injection: { treshold: 0.5 } }), /injection/);
  });

  it('reports unreadable files and invalid JSON clearly', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'guard-policy-'));
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{ "version": 1,');
    await assert.rejects(loadGuardPolicy(bad), /not valid JSON/);
    await assert.rejects(loadGuardPolicy(join(dir, 'missing.json')), /cannot read the file \(ENOENT\)/);
  });
});
