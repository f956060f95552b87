// Sealed audit segments go to Blob Storage (Azurite here) byte for byte, once,
// never overwritten; the segment being written stays local; retention deletes a
// local segment only after it is archived.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
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

  it('a ship asked for while another runs also ships the segments sealed meanwhile', async () => {
    // A real HTTP hop in front of Azurite holds the first upload, so the first run is still under way
    // (having listed its segments) while more segments are sealed and a second ship is asked for.
    const blobUrl = new URL(/BlobEndpoint=([^;]+)/.exec(azurite.connectionString)![1]!);
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let held = false;
    let firstUploadSeen!: () => void;
    const firstUpload = new Promise<void>((r) => (firstUploadSeen = r));
    const proxy = createServer((req: IncomingMessage, res: ServerResponse) => {
      const forward = () =>
        req.pipe(
          request({ host: blobUrl.hostname, port: blobUrl.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
            res.writeHead(up.statusCode ?? 502, up.headers);
            up.pipe(res);
          }),
        );
      if (req.method === 'PUT' && req.url?.includes('/default/') && !held) {
        held = true;
        firstUploadSeen();
        void released.then(forward);
      } else forward();
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    try {
      const port = (proxy.address() as AddressInfo).port;
      const viaProxy = azurite.connectionString.replace(blobUrl.origin, `http://127.0.0.1:${port}`);
      const dir = join(mkdtempSync(join(tmpdir(), 'sta-archive-')), 'log');
      const container = new ContainerClient(viaProxy, 'audit-c');
      await container.create();
      const archive = createSegmentArchive(container, dir, 'default');
      const signer = signerFromPrivateKey(generateKeyPairSync('ed25519').privateKey);
      const log = await openLocalAuditLog({ dir, signer, segmentMaxBytes: 2048 });
      for (let i = 0; i < 8; i++) await log.append({ i, pad: 'z'.repeat(300) });
      const running = archive.shipSealed();
      await firstUpload;
      for (let i = 8; i < 24; i++) await log.append({ i, pad: 'z'.repeat(300) });
      const sealedNow = segmentsOf(dir).slice(0, -1);
      const asked = archive.shipSealed();
      release();
      const [first, second] = await Promise.all([running, asked]);
      assert.ok(first.length < sealedNow.length, 'the first run listed fewer segments');
      assert.deepEqual([...second].sort(), sealedNow, 'the later ask covers every segment sealed when it was made');
      await log.close();
    } finally {
      await new Promise((r) => proxy.close(r));
    }
  });
});
