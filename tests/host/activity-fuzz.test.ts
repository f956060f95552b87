// Thousands of mutated activities through real HTTP, with valid channel tokens:
// whatever the caller sends, the agent answers 2xx or 4xx, never 5xx, and logs
// no error (errors are for our faults; the caller's gets a warning).
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { startEntraEmulator, type EntraEmulator } from '../../emulators/entra/entra-emulator.js';
import { demoTenantId } from '../../emulators/entra/seed.js';
import { setLogLevel, setLogSink, type LogSink } from '../../src/logging/logger.js';
import { startAgentUnderTest, type AgentUnderTest } from '../support/agent-under-test.js';
import { entraHostEnv } from '../support/entra-host-env.js';
import { mutatedActivities, type FuzzRequest } from './activity-mutator.js';
import { startConnectorCapture, type ConnectorCapture } from './connector-capture.js';
import { routeInstanceDiscoveryTo } from './msal-instance-discovery.js';

const SEED = 20_261_206;
const COUNT = 3_000;
const CONCURRENCY = 8;

describe('host: fuzzed activities never cause a server error', function () {
  this.timeout(60_000);
  let entra: EntraEmulator;
  let connector: ConnectorCapture;
  let agent: AgentUnderTest;
  let unroute: () => void;
  let previousSink: LogSink;
  const errorLines: string[] = [];
  const warnings: string[] = [];

  before(async () => {
    entra = await startEntraEmulator();
    unroute = routeInstanceDiscoveryTo(entra);
    connector = await startConnectorCapture();
    agent = await startAgentUnderTest({
      ...entraHostEnv(entra, { botConnector: true }),
      BOT_SERVICE_URL_HOSTS: `127.0.0.1:${connector.port}`,
      // Mutations, not the rate limiter, decide what happens to each request.
      GUARD_RATE_USER_PER_MINUTE: '100000',
      GUARD_RATE_USER_BURST: '100000',
      GUARD_RATE_TENANT_PER_MINUTE: '10000000',
      GUARD_RATE_TENANT_BURST: '10000000',
    });
    previousSink = setLogSink({
      write: (line) => {
        if (line.includes('"level":"error"')) errorLines.push(line);
        else if (line.includes('"level":"warn"')) warnings.push(line);
      },
    });
    setLogLevel('warn');
  });
  after(async () => {
    setLogSink(previousSink);
    setLogLevel('error');
    await agent?.close();
    await connector?.close();
    await entra?.close();
    unroute?.();
  });

  it('answers each malformed activity the review found with 400 and a short reason, logged as a warning without a stack', async () => {
    const token = await entra.mintChannelToken({ serviceUrl: connector.url });
    const activity = (overrides: Record<string, unknown>) => ({
      type: 'message', id: 'm-bad', text: 'hi', channelId: 'msteams', serviceUrl: connector.url, deliveryMode: 'expectReplies',
      from: { id: '29:user' }, recipient: { id: '28:bot' }, conversation: { id: 'c-bad', tenantId: demoTenantId }, channelData: { tenant: { id: demoTenantId } },
      ...overrides,
    });
    const cases: Array<[string, Buffer, Record<string, string>]> = [
      ...[{ text: null }, { from: null }, { recipient: null }, { relatesTo: null }, { type: 'conversationUpdate', membersAdded: [null] }, { entities: 'x' }].map(
        (o): [string, Buffer, Record<string, string>] => [JSON.stringify(o), Buffer.from(JSON.stringify(activity(o))), {}],
      ),
      ['corrupt gzip', Buffer.concat([gzipSync(JSON.stringify(activity({}))).subarray(0, 12), Buffer.from('garbage')]), { 'content-encoding': 'gzip' }],
    ];
    warnings.length = 0;
    for (const [label, body, headers] of cases) {
      const response = await postRaw(agent.url, { label, invoke: false, body, headers }, token);
      assert.equal(response.status, 400, label);
      assert.match(JSON.parse(response.text).error, /^(not a valid activity: \S+|request body could not be read)/, label);
    }
    assert.equal(warnings.length, cases.length);
    assert.ok(warnings.every((w) => !w.includes('stack')), 'warnings carry no stack');
    assert.deepEqual(errorLines, []);
  });

  it('answers an invoke the agent does not implement with 400, not 501', async () => {
    const token = await entra.mintChannelToken({ serviceUrl: connector.url });
    for (const name of ['composeExtension/query', 'adaptiveCard/action', 'no/such-invoke']) {
      const body = Buffer.from(JSON.stringify({
        type: 'invoke', name, id: `inv-${name}`, value: { action: { type: 'Action.Execute', verb: 'nothing-here' } }, channelId: 'msteams', serviceUrl: connector.url,
        from: { id: '29:user', aadObjectId: '00000000-0000-0000-0000-0000000000a1' }, recipient: { id: '28:bot' }, conversation: { id: 'c-inv', tenantId: demoTenantId }, channelData: { tenant: { id: demoTenantId } },
      }));
      const response = await postRaw(agent.url, { label: name, invoke: true, body, headers: {} }, token);
      assert.equal(response.status, 400, name);
    }
  });

  it(`answers ${COUNT} mutated activities (seed ${SEED}) with 2xx or 4xx and logs no error`, async () => {
    const token = await entra.mintChannelToken({ serviceUrl: connector.url });
    const requests = mutatedActivities(SEED, COUNT, { tenantId: demoTenantId, serviceUrl: connector.url });
    const statuses = new Map<number, number>();
    const serverErrors: string[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < requests.length) {
          const r = requests[next++]!;
          const status = await post(agent.url, r, token);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (status >= 500 || status === 0) serverErrors.push(`${status}: ${r.label}`);
        }
      }),
    );
    const summary = JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)));
    assert.deepEqual(serverErrors.slice(0, 10), [], `server errors (${serverErrors.length}) ${summary}`);
    assert.deepEqual(errorLines.slice(0, 3), [], 'error-level log lines');
    // The mutations reach the agent, not only the validator: most are answered.
    assert.ok((statuses.get(200) ?? 0) > COUNT / 5, summary);
    assert.ok((statuses.get(400) ?? 0) > COUNT / 20, summary);
    assert.ok(warnings.every((w) => !w.includes('"stack"')), 'warnings carry no stack');
  });
});

async function post(baseUrl: string, r: FuzzRequest, token: string): Promise<number> {
  return (await postRaw(baseUrl, r, token)).status;
}

function postRaw(baseUrl: string, r: FuzzRequest, token: string): Promise<{ status: number; text: string }> {
  const { port, hostname } = new URL(baseUrl);
  return new Promise((resolve) => {
    const req = request(
      { host: hostname, port, path: '/api/messages', method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'content-length': r.body.length, ...r.headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', () => resolve({ status: 0, text: '' }));
    req.end(r.body);
  });
}
