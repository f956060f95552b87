// The shipped user-channel threshold (policy/guard-policy.json), read by the detector tests so a
// recalibration moves them with it; and the flag / allow loop those tests share.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { scoreInjection } from '../../src/guard/detectors/injection/index.js';

export const shippedUserThreshold = (JSON.parse(readFileSync(new URL('../../policy/guard-policy.json', import.meta.url), 'utf8')) as { injection: { thresholds: { user: number } } }).injection.thresholds.user;

/** One test per named message: attacks score at or above the shipped threshold, benign ones below it. */
export function itFlagsAndAllows(attacks: ReadonlyArray<readonly [string, string]>, benign: ReadonlyArray<readonly [string, string]>): void {
  for (const [name, text] of attacks) {
    it(`flags: ${name}`, () => {
      const s = scoreInjection(text, 'user');
      assert.ok(s.score >= shippedUserThreshold, `${s.score.toFixed(3)} < ${shippedUserThreshold} (${s.evidence.join(',')})`);
    });
  }
  for (const [name, text] of benign) {
    it(`allows: ${name}`, () => {
      const s = scoreInjection(text, 'user');
      assert.ok(s.score < shippedUserThreshold, `${s.score.toFixed(3)} >= ${shippedUserThreshold} (${s.evidence.join(',')})`);
    });
  }
}
