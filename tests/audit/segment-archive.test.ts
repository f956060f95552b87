// Sealed audit segments go to Blob Storage (Azurite here) byte for byte, once,
// never overwritten; the segment being written stays local; retention deletes a
// local segment only after it is archived.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContainerClient } from '@azure/storage-blob';
import { auditSettings } from '../../src/audit/audit-settings.js';
import { appInsightsSettings } from '../../src/audit/app-insights-settings.js';
import { openAuditTrail } from '../../src/audit/audit-trail.js';
import { signerFromPrivateKey } from '../../src/audit/checkpoint-signer.js';
import { openLocalAuditLog } from '../../src/audit/local-audit-log.js';
import { createSegmentArchive } from '../../src/audit/segment-archive.js';
import { newTurnRecord } from '../../src/audit/turn-record.js';
import { startAzuriteBlob, type AzuriteBlob } from '../support/azurite-blob.js';

const segmentsOf = (dir: string) => readdirSync(dir).filter((n) => n.startsWith('segment-')).sort();
const turn = (i: number) => ({ ...newTurnRecord({ channelId: 'msteams', conversationId: `c${i}`, activityType: 'message', actor: { userId: 'u', roles: [] } }), pad: 'x'.repeat(400) });

describe('audit archive: sealed segments to Blob Storage (Azurite)', function () {
  this.timeout(60_000);
  let azurite: AzuriteBlob;
  before(async () => {
    azurite = await startAzuriteBlob();
  });
  after(async () => azurite?.stop());

  async function blobs(container: ContainerClient): Promise<Map<string, Buffer>> {
    const out = new Map<string, Buffer>();
    for await (const blob of container.listBlobsFlat({ includeMetadata: true })) out.set(blob.name, await container.getBlobClient(blob.name).downloadToBuffer());
    return out;
  }

  it('ships every sealed segment once, byte for byte, and keeps the open one local', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'sta-archive-')), 'log');
    const settings = auditSettings.parse({ AUDIT_LOG_DIR: dir, AUDIT_SEGMENT_MAX_MB: '1', AUDIT_ARCHIVE_CONNECTION_STRING: azurite.connectionString, AUDIT_ARCHIVE_CONTAINER: 'audit-a' });
    const container = new ContainerClient(azurite.connectionString, 'audit-a');
    await container.create();
    const trail = await openAuditTrail({ ...settings, segmentMaxBytes: 4096 }, appInsightsSettings.parse({}));
    for (let i = 0; i < 30; i++) await trail.write(turn(i) as never);
    const shipped = await trail.archive!.shipSealed();
    const local = segmentsOf(dir);
    assert.ok(local.length > 3);
    assert.deepEqual(shipped, local.slice(0, -1), 'all sealed segments, not the open one');
    const stored = await blobs(container);
    for (const name of shipped) assert.ok(stored.get(`default/${name}`)?.equals(readFileSync(join(dir, name))), `${name} archived byte for byte`);
    assert.deepEqual(await trail.archive!.shipSealed(), [], 'nothing is uploaded twice');
    await trail.close();
  });

  it('never overwrites an archived segment, and prunes locally only what is archived', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'sta-archive-')), 'log');
    const container = new ContainerClient(azurite.connectionString, 'audit-b');
    await container.create();
    const archive = createSegmentArchive(container, dir, 'default');
    const signer = signerFromPrivateKey(generateKeyPairSync('ed25519').privateKey);
    const log = await openLocalAuditLog({ dir, signer, segmentMaxBytes: 2048, retentionDays: 1, canPrune: (name) => archive.isArchived(name) });
    for (let i = 0; i < 12; i++) await log.append({ i, pad: 'y'.repeat(300) });
    const later = new Date(Date.now() + 2 * 86_400_000);
    assert.deepEqual(await log.prune(later), [], 'nothing archived yet: nothing pruned');
    const [first] = segmentsOf(dir);
    // Someone put something else under the first segment's name: the archive keeps it, never overwrites.
    await container.getBlockBlobClient(`default/${first}`).upload('forged', 6);
    const shipped = await archive.shipSealed();
    assert.ok(!shipped.includes(first!));
    assert.equal((await container.getBlobClient(`default/${first}`).downloadToBuffer()).toString(), 'forged');
    assert.ok(shipped.length > 0);
    assert.deepEqual(await log.prune(later), [], 'the oldest segment is not truly archived, so nothing is pruned (pruning stays contiguous)');
    await container.getBlockBlobClient(`default/${first}`).delete();
    await archive.shipSealed();
    const pruned = await log.prune(later);
    await log.close();
    assert.ok(pruned.length === shipped.length + 1, `${pruned.length} pruned after ${shipped.length + 1} archived`);
  });
});
