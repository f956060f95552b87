// The deployment pipeline's advisory gate (scripts/audit-gate.ts): the decision over an
// `npm audit --json` report (version 2 shape), and the reviewed allow-list it reads.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allowlistSchema, judgeAudit, type AuditAllowlist } from '../../scripts/audit-gate.js';
import { repoRoot } from '../../scripts/package-app.js';

const report = {
  auditReportVersion: 2,
  vulnerabilities: {
    'left-pad': {
      name: 'left-pad',
      severity: 'high',
      via: [{ source: 1, name: 'left-pad', title: 'Prototype pollution', url: 'https://github.com/advisories/GHSA-2222-3333-4444', severity: 'high' }],
    },
    wrapper: { name: 'wrapper', severity: 'high', via: ['left-pad'] },
    'slow-regex': {
      name: 'slow-regex',
      severity: 'moderate',
      via: [{ source: 2, name: 'slow-regex', title: 'ReDoS', url: 'https://github.com/advisories/GHSA-5555-6666-7777', severity: 'moderate' }],
    },
    'bad-crypto': {
      name: 'bad-crypto',
      severity: 'critical',
      via: [{ source: 3, name: 'bad-crypto', title: 'Weak key', url: 'https://github.com/advisories/GHSA-8888-9999-cccc', severity: 'critical' }],
    },
  },
};

const entry = (advisory: string, pkg: string, expires: string) => ({ advisory, package: pkg, reason: 'only reachable through a code path the agent never calls', reviewedBy: 'security lead', reviewedOn: '2026-12-01', expires });

describe('audit gate (deployment pipeline)', () => {
  it('blocks every high and critical advisory that the allow-list does not cover; moderate ones pass', () => {
    const result = judgeAudit(report, { reviewed: '2026-12-01', entries: [] }, '2026-12-06');
    assert.deepEqual(result.blocking, ['left-pad GHSA-2222-3333-4444 high: Prototype pollution', 'bad-crypto GHSA-8888-9999-cccc critical: Weak key']);
    assert.deepEqual(result.allowed, []);
  });

  it('lets a reviewed entry through until it expires, then reports it as stale and blocks again', () => {
    const allowlist: AuditAllowlist = { reviewed: '2026-12-01', entries: [entry('GHSA-2222-3333-4444', 'left-pad', '2027-03-01')] };
    const before = judgeAudit(report, allowlist, '2026-12-06');
    assert.equal(before.allowed.length, 1);
    assert.deepEqual(before.blocking, ['bad-crypto GHSA-8888-9999-cccc critical: Weak key']);
    const after = judgeAudit(report, allowlist, '2027-03-02');
    assert.equal(after.blocking.length, 2);
    assert.deepEqual(after.stale, ['left-pad GHSA-2222-3333-4444 (expired 2027-03-01)']);
  });

  it('an entry covers one advisory of one package only', () => {
    const allowlist: AuditAllowlist = { reviewed: '2026-12-01', entries: [entry('GHSA-2222-3333-4444', 'other-package', '2027-03-01')] };
    assert.equal(judgeAudit(report, allowlist, '2026-12-06').blocking.length, 2);
  });

  it('the committed allow-list is valid, dated, and every entry says why and until when', () => {
    const committed = allowlistSchema.parse(JSON.parse(readFileSync(join(repoRoot, 'security', 'audit-allowlist.json'), 'utf8')));
    assert.match(committed.reviewed, /^\d{4}-\d{2}-\d{2}$/);
    assert.throws(() => allowlistSchema.parse({ reviewed: '2026-12-01', entries: [{ ...entry('GHSA-2222-3333-4444', 'x', '2027-01-01'), reason: 'ok' }] }));
  });
});
