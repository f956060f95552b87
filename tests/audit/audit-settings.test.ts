import assert from 'node:assert/strict';
import { join } from 'node:path';
import { appInsightsSettings } from '../../src/audit/app-insights-settings.js';
import { auditSettings } from '../../src/audit/audit-settings.js';

describe('audit settings', () => {
  it('defaults to a segment folder under .local/audit with the redacted text policy', () => {
    const s = auditSettings.parse({});
    assert.equal(s.dir, '.local/audit/log');
    assert.equal(s.textPolicy, 'redacted');
    assert.equal(s.checkpointEveryRecords, 1000);
    assert.equal(s.checkpointEveryMs, 5 * 60_000);
  });

  it('maps the older single-file AUDIT_LOG_PATH to a segment folder beside it', () => {
    assert.equal(auditSettings.parse({ AUDIT_LOG_PATH: '/home/data/agent/audit.jsonl' }).dir, '/home/data/agent/audit-segments');
  });

  it('gives each App Service instance its own chain on a shared file system', () => {
    const s = auditSettings.parse({ AUDIT_LOG_DIR: '/home/data/audit', WEBSITE_INSTANCE_ID: 'a1b2c3d4e5f6a7b8c9d0' });
    assert.equal(s.dir, join('/home/data/audit', 'instance-a1b2c3d4e5f6a7b8'));
  });

  it('refuses an unknown text policy and a malformed connection string', () => {
    assert.equal(auditSettings.safeParse({ AUDIT_TEXT_POLICY: 'everything' }).success, false);
    assert.equal(appInsightsSettings.safeParse({ APPLICATIONINSIGHTS_CONNECTION_STRING: 'not a connection string' }).success, false);
    const ok = appInsightsSettings.parse({ APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=00000000-0000-4000-8000-0000000000a1;IngestionEndpoint=https://x/' });
    assert.equal(ok.auth, 'connection-string');
    assert.equal(ok.samplingPercentage, 100);
  });
});
