// Storage calls as Application Insights dependencies, through the real SDK to
// the local ingestion collector: the state store calls a turn makes (SQLite,
// Azure Tables on Azurite) arrive as dependencies of that turn's request, with
// its operation id; the audit archive's Blob calls (Azurite) arrive as "Azure
// blob" dependencies. No key or value of the store is named in them.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContainerClient } from '@azure/storage-blob';
import { startIngestionCollector, type Envelope, type RunningCollector } from '../../emulators/app-insights/ingestion-collector.js';
import { signerFromPrivateKey } from '../../src/audit/checkpoint-signer.js';
import { openLocalAuditLog } from '../../src/audit/local-audit-log.js';
import { startAgentProcess, type AgentProcess } from '../support/agent-process.js';
import { messageActivity, postActivity } from '../support/agent-under-test.js';
import { startAzurite, type Azurite } from '../support/azurite.js';
import { startAzuriteBlob, type AzuriteBlob } from '../support/azurite-blob.js';

const say = (text: string) => messageActivity(text, { serviceUrl: undefined });
const dependencies = (collector: RunningCollector, type: string) => collector.envelopes.filter((e) => e.data.baseType === 'RemoteDependencyData' && e.data.baseData.type === type);
const telemetryEnv = (collector: RunningCollector) => ({
  APPLICATIONINSIGHTS_CONNECTION_STRING: collector.connectionString,
  APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true',
  // Export every 200 ms instead of every 5 s, to keep the test short.
  OTEL_BLRP_SCHEDULE_DELAY: '200',
  OTEL_BSP_SCHEDULE_DELAY: '200',
});

/** Sends one message; returns the turn's AgentTurn event and request once both arrived. */
async function turnAt(collector: RunningCollector, agent: AgentProcess, text: string): Promise<{ operationId: string; request: Envelope }> {
  const activity = say(text);
  assert.equal((await postActivity(agent.url, activity)).status, 200);
  const conversation = (activity.conversation as { id: string }).id;
  const eventOf = () => collector.events('AgentTurn').find((e) => e.data.baseData.properties?.conversationId === conversation);
  await collector.waitFor(() => eventOf() !== undefined);
  const operationId = eventOf()!.tags!['ai.operation.id']!;
  const requestOf = () => collector.envelopes.find((e) => e.data.baseType === 'RequestData' && e.tags?.['ai.operation.id'] === operationId);
  await collector.waitFor(() => requestOf() !== undefined);
  return { operationId, request: requestOf()! };
}

/** The turn's storage dependencies of this type: same operation id, parent = the turn's request. */
async function storageCallsOf(collector: RunningCollector, turn: { operationId: string; request: Envelope }, type: string): Promise<Envelope[]> {
  const ofTurn = () => dependencies(collector, type).filter((d) => d.tags?.['ai.operation.id'] === turn.operationId);
  await collector.waitFor(() => ofTurn().length > 0);
  for (const call of ofTurn()) assert.equal(call.tags?.['ai.operation.parentId'], turn.request.data.baseData.id, 'a dependency of the turn’s request');
  return ofTurn();
}

describe('Application Insights: storage calls as dependencies of the turn', function () {
  this.timeout(120_000);
  let collector: RunningCollector;
  let agent: AgentProcess | undefined;
  before(async () => {
    collector = await startIngestionCollector();
  });
  afterEach(async () => {
    await agent?.stop();
    agent = undefined;
  });
  after(async () => collector?.close());

  it('SQLite state: the turn’s state store calls are SQL dependencies under its request', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sta-deps-'));
    agent = await startAgentProcess({ ...telemetryEnv(collector), AUDIT_LOG_DIR: join(dir, 'log'), STATE_BACKEND: 'sqlite', STATE_SQLITE_PATH: join(dir, 'state.db') });
    const turn = await turnAt(collector, agent, 'hello there');
    const calls = await storageCallsOf(collector, turn, 'SQL');
    for (const call of calls) {
      assert.equal(call.data.baseData.target, 'state.db');
      assert.match(String(call.data.baseData.data), /^(get|put|delete)$/);
      assert.match(String(call.data.baseData.name), /^(get|put|delete) [a-z][a-z0-9-]*$/, 'named by operation and namespace, never by key');
    }
  });

  describe('on Azurite', () => {
    let tables: Azurite;
    let blobs: AzuriteBlob;
    before(async () => {
      [tables, blobs] = await Promise.all([startAzurite(), startAzuriteBlob()]);
    });
    after(async () => {
      await Promise.all([tables?.stop(), blobs?.stop()]);
    });

    it('Azure Tables state: "Azure table" dependencies of the turn; archived segments: "Azure blob" dependencies', async () => {
      // A log with sealed segments, signed with the key the agent is given: it archives them at start-up.
      const dir = join(mkdtempSync(join(tmpdir(), 'sta-deps-')), 'log');
      const key = generateKeyPairSync('ed25519').privateKey;
      const log = await openLocalAuditLog({ dir, signer: signerFromPrivateKey(key), segmentMaxBytes: 4096 });
      for (let i = 0; i < 20; i++) await log.append({ turn: i, pad: 'x'.repeat(400) });
      await log.close();
      await new ContainerClient(blobs.connectionString, 'audit').create();

      agent = await startAgentProcess({
        ...telemetryEnv(collector),
        AUDIT_LOG_DIR: dir,
        AUDIT_SIGNING_KEY: key.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
        AUDIT_ARCHIVE_CONNECTION_STRING: blobs.connectionString,
        AUDIT_ARCHIVE_CONTAINER: 'audit',
        STATE_BACKEND: 'azure-tables',
        STATE_CONNECTION_STRING: tables.connectionString,
      });
      const turn = await turnAt(collector, agent, 'hello tables');
      const calls = await storageCallsOf(collector, turn, 'Azure table');
      assert.ok(calls.every((c) => String(c.data.baseData.target).endsWith('|agentstate')), 'target: the table service host and the table');

      await collector.waitFor(() => dependencies(collector, 'Azure blob').some((d) => String(d.data.baseData.name).startsWith('upload default/segment-')));
      const uploads = dependencies(collector, 'Azure blob').filter((d) => d.data.baseData.data === 'upload');
      assert.ok(uploads.every((d) => d.data.baseData.success === true && String(d.data.baseData.target).endsWith('|audit')));
    });
  });
});
