// The data-zone policy classifies where content lives and limits the agent's reach.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { siteIds } from '../../emulators/graph/graph-seed.js';
import { DataZonePolicy, DataZonePolicyError, highestZone } from '../../src/graph/data-zones.js';

describe('data-zone policy', () => {
  const policy = DataZonePolicy.load('policy/data-zones.json');

  it('classifies the shipped policy: Finance confidential, Communications internal, OneDrive internal', () => {
    assert.equal(policy.zoneOf({ siteId: siteIds.finance }), 'confidential');
    assert.equal(policy.zoneOf({ siteId: siteIds.communications }), 'internal');
    assert.equal(policy.zoneOf({ siteId: 'contoso-my.sharepoint.com,a,b', driveId: 'b!personal-megan' }), 'internal');
    assert.equal(policy.zoneOf({ driveType: 'business' }), 'internal');
  });

  it('treats unknown sites as the default zone (confidential: fail closed)', () => {
    assert.equal(policy.zoneOf({ siteId: 'contoso.sharepoint.com,11111111-1111-4111-8111-111111111111,22222222-2222-4222-8222-222222222222' }), 'confidential');
    assert.equal(policy.zoneOf({}), 'confidential');
  });

  it('matches a site by its collection id alone, and drives by id', () => {
    const p = DataZonePolicy.parse({ reach: ['public'], defaultSiteZone: 'confidential', personalDriveZone: 'internal', sites: [{ match: '5f1d0c3a-1b2c-4d3e-8f40-00000000f1a0', zone: 'public' }], drives: [{ match: 'b!special', zone: 'public' }] });
    assert.equal(p.zoneOf({ siteId: siteIds.finance }), 'public');
    assert.equal(p.zoneOf({ driveId: 'B!SPECIAL', siteId: 'x' }), 'public');
    assert.equal(p.reachable('public'), true);
    assert.equal(p.reachable('internal'), false);
  });

  it('orders zones by sensitivity', () => {
    assert.equal(highestZone(['public', 'confidential', 'internal']), 'confidential');
    assert.equal(highestZone([undefined, 'public']), 'public');
    assert.equal(highestZone([]), undefined);
  });

  it('says how to fix a missing, malformed or invalid policy file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zones-'));
    assert.throws(() => DataZonePolicy.load(join(dir, 'missing.json')), (err: unknown) => err instanceof DataZonePolicyError && /DATA_ZONES_FILE/.test(err.message));
    writeFileSync(join(dir, 'bad.json'), '{ nope');
    assert.throws(() => DataZonePolicy.load(join(dir, 'bad.json')), /not valid JSON/);
    writeFileSync(join(dir, 'invalid.json'), JSON.stringify({ reach: [], defaultSiteZone: 'secret', personalDriveZone: 'internal', typo: 1 }));
    assert.throws(() => DataZonePolicy.load(join(dir, 'invalid.json')), (err: unknown) => err instanceof DataZonePolicyError && /reach/.test(err.message) && /defaultSiteZone/.test(err.message) && /typo/.test(err.message));
  });
});
