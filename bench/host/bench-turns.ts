// Throughput and latency of whole guarded turns over HTTP, compared with a bare
// Agents SDK echo agent on the same machine (the SDK's own floor), and the same
// turns with the Application Insights exporter on, sending to the local
// ingestion collector (HTTPS with the dev CA: the npm script trusts it), and
// with the shared state on Azure Tables (Azurite) instead of the embedded SQLite,
// and conversations of five turns each (the history is read before and written
// after every turn) with the history on and off.
// A "guarded turn" is what issue 15 defines: input and output guards, the offline
// model, the audit record. Its rows run with the conversation history off
// (HISTORY_MAX_TURNS=0); the history's cost has its own rows (5-turn conversations).
//   npm run bench:host [-- --seconds 10 --connections 16 --pairs 5 --pair-seconds 2 --warmup-turns 12000 --warmup-seconds 30]
// All run in this process on 127.0.0.1; autocannon drives them from here too.
import autocannon from 'autocannon';
import { startIngestionCollector } from '../../emulators/app-insights/ingestion-collector.js';
import { startAzurite } from '../../tests/support/azurite.js';
import { loadConfig } from '../../src/config.js';
import { ConversationHistory } from '../../src/state/conversation-history.js';
import { setLogLevel } from '../../src/logging/logger.js';
import { benchActivity, benchEnv, startAgent, startBareEcho } from './bench-servers.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const seconds = arg('seconds', 10);
const connections = arg('connections', 16);
const pairs = arg('pairs', 5);
const pairSeconds = arg('pair-seconds', 2);
const warmupTurns = arg('warmup-turns', 12_000);
// A loaded machine serves fewer turns per second: the warm-up stops at this time in any case.
const warmupCapSeconds = arg('warmup-seconds', 30);

// Five turns per conversation (the offline model answers them without Graph). Each connection is
// one user: it sends the five turns one after the other (waiting for each reply), then starts a new conversation.
const conversationTurns = ['hello there, how are you today?', 'what can you do?', 'and what about my files?', 'thanks, who are you?', 'ok, good bye'];
let conversations = 0;
const conversationRequests: autocannon.Request[] = conversationTurns.map((text, turn) => ({
  setupRequest: (req, context) => {
    const state = context as { conversation?: number };
    if (turn === 0) state.conversation = ++conversations;
    // One user per conversation (the history is per conversation and user).
    return { ...req, body: benchActivity(text, state.conversation ?? 0, `bench-multi-${state.conversation}`) };
  },
}));

async function run(label: string, url: string, text: string | 'five-turn conversations', duration = seconds, quiet = false) {
  let n = 0;
  const cpuBefore = process.cpuUsage();
  const result = await autocannon({
    url: `${url}/api/messages`,
    connections,
    duration,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: text === 'five-turn conversations' ? conversationRequests : [{ setupRequest: (req) => ({ ...req, body: benchActivity(text, n++) }) }],
  });
  // CPU time of this process (servers and load generator) per request: steadier than requests/s on a shared machine.
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMsPerRequest = (cpu.user + cpu.system) / 1000 / Math.max(1, result.requests.total);
  const row = { label, rps: Math.round(result.requests.average), p50_ms: result.latency.p50, p99_ms: result.latency.p99, cpu_ms_per_request: Number(cpuMsPerRequest.toFixed(3)), non2xx: result.non2xx, errors: result.errors };
  if (!quiet) console.log(JSON.stringify(row));
  return row;
}

/**
 * The guarded / bare ratio under the same load: other processes on a shared machine change both
 * rows' throughput between runs, so short bare and guarded slices alternate and the median of the
 * slices' ratios is reported beside the ratio of the two full runs.
 */
async function pairedRatio(bareUrl: string, guardedUrl: string, text: string): Promise<{ median: number; ratios: number[]; cpuMedian: number }> {
  const ratios: number[] = [];
  const cpuRatios: number[] = [];
  for (let i = 0; i < pairs; i++) {
    const bareSlice = await run('bare slice', bareUrl, text, pairSeconds, true);
    const guardedSlice = await run('guarded slice', guardedUrl, text, pairSeconds, true);
    ratios.push(guardedSlice.rps / Math.max(1, bareSlice.rps));
    cpuRatios.push(bareSlice.cpu_ms_per_request / Math.max(1e-6, guardedSlice.cpu_ms_per_request));
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return { median: median(ratios), ratios, cpuMedian: median(cpuRatios) };
}

/** A number of the turns a row measures (the same activities), not a time: JIT warm-up goes by calls. */
async function warmUp(url: string, text: string, turns: number): Promise<void> {
  let n = 0;
  await autocannon({ url: `${url}/api/messages`, connections, maxOverallRequests: turns, duration: warmupCapSeconds, method: 'POST', headers: { 'content-type': 'application/json' }, requests: [{ setupRequest: (req) => ({ ...req, body: benchActivity(text, n++) }) }] });
}

/** Waits until the process has been mostly idle for a second (at most 15 s): no CPU left over from earlier runs. */
async function settle(): Promise<void> {
  const until = Date.now() + 15_000;
  while (Date.now() < until) {
    const before = process.cpuUsage();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const used = process.cpuUsage(before);
    if (used.user + used.system < 50_000) return;
  }
}

setLogLevel('error');
const { runtime, host } = await startAgent(benchEnv());
const bare = await startBareEcho();
const azurite = await startAzurite();
const tablesEnv = { STATE_BACKEND: 'azure-tables', STATE_CONNECTION_STRING: azurite.connectionString, STATE_TABLE_NAME: 'bench' };
const onTables = await startAgent(benchEnv(tablesEnv));
const noHistory = await startAgent(benchEnv({ HISTORY_MAX_TURNS: '0' }));
const onTablesNoHistory = await startAgent(benchEnv({ ...tablesEnv, HISTORY_MAX_TURNS: '0' }));

console.log(`# ${connections} connections, ${seconds} s per run, expectReplies, one process (load average ${(await import('node:os')).loadavg()[0]!.toFixed(1)})`);
console.log('# guarded turn = input+output guards, offline model, audit; history off in those rows (its cost: the 5-turn conversation rows)');
// Warm up both servers (JIT, caches) so the order of runs does not decide the result.
await Promise.all([bare.url, host.url, onTables.host.url, noHistory.host.url, onTablesNoHistory.host.url].map((url) => autocannon({ url: `${url}/api/messages`, connections, duration: 2, method: 'POST', headers: { 'content-type': 'application/json' }, body: benchActivity('warm up', 0) })));
// Then the two servers of the headline ratio, one after the other, with the turn they are measured
// with, until V8 has compiled what that turn runs. The guarded turn runs hundreds of functions once
// each, which reach the optimising compiler only after thousands of turns; until then its background
// compile threads took about 0.5 ms of CPU per guarded request (a quarter of the turn's CPU, and
// absent from CPU profiles), in the rows that followed a 2 s warm-up shared by five servers.
for (const url of [bare.url, noHistory.host.url]) await warmUp(url, 'hello there, how are you today?', warmupTurns);
// The warm-up leaves work behind (turns still waiting on Azurite, state commits) that would
// otherwise be counted against the first row, the bare echo: let it finish first.
await settle();
const echo = await run('bare Agents SDK echo', bare.url, 'hello there, how are you today?');
const guarded = await run('guarded turn (input+output guards, offline model, audit; history off)', noHistory.host.url, 'hello there, how are you today?');
const withTables = await run('guarded turn, shared state on Azure Tables (Azurite; history off)', onTablesNoHistory.host.url, 'hello there, how are you today?');
const help = await run('help command (no pipeline)', host.url, 'help');
const multi = await run('5-turn conversations, history on, embedded SQLite', host.url, 'five-turn conversations');
const multiTables = await run('5-turn conversations, history on, Azure Tables (Azurite)', onTables.host.url, 'five-turn conversations');
const multiOff = await run('5-turn conversations, history off (HISTORY_MAX_TURNS=0), embedded SQLite', noHistory.host.url, 'five-turn conversations');
const paired = await pairedRatio(bare.url, noHistory.host.url, 'hello there, how are you today?');
// The exporter comes last. The Application Insights SDK registers OpenTelemetry's providers for
// the whole process, among them an AsyncLocalStorage context manager that turns on promise hooks
// for every promise of every server here. Started before the other rows (as it was until round 6)
// it charged them all, the "exporter off" guarded row most, for telemetry production would only
// run with App Insights on; its warm-up batches also still arrived during the first row.
process.env.APPLICATIONINSIGHTS_STATSBEAT_DISABLED = 'true';
const collector = await startIngestionCollector();
const exported = await startAgent(benchEnv({ APPLICATIONINSIGHTS_CONNECTION_STRING: collector.connectionString, HISTORY_MAX_TURNS: '0' }));
await autocannon({ url: `${exported.host.url}/api/messages`, connections, duration: 2, method: 'POST', headers: { 'content-type': 'application/json' }, body: benchActivity('warm up', 0) });
await settle();
const withExporter = await run('guarded turn + Application Insights exporter (to the local collector; history off)', exported.host.url, 'hello there, how are you today?');
const exportedTurns = collector.events('AgentTurn').length;
// The same pairs again with the exporter's providers in the process, as the ratio was measured
// until round 6 (the exporter's agent idle, its context manager not). Closing that agent first
// sends what it still had queued; the providers stay registered.
await exported.host.close();
await exported.runtime.close();
const exportedTurnsAfterFlush = collector.events('AgentTurn').length;
await settle();
const pairedWithProviders = await pairedRatio(bare.url, noHistory.host.url, 'hello there, how are you today?');
console.log(`guarded / bare throughput ratio: ${(guarded.rps / Math.max(1, echo.rps)).toFixed(2)}; help / bare: ${(help.rps / Math.max(1, echo.rps)).toFixed(2)}`);
console.log(`guarded / bare throughput ratio, median of ${pairs} alternating ${pairSeconds} s pairs: ${paired.median.toFixed(2)} (${paired.ratios.map((r) => r.toFixed(2)).join(', ')})`);
console.log(`bare / guarded CPU per request (the throughput ratio when CPU-bound), median of the same pairs: ${paired.cpuMedian.toFixed(2)}`);
console.log(`the same pairs with the exporter's OpenTelemetry providers registered in the process (the method until round 6): throughput ${pairedWithProviders.median.toFixed(2)} (${pairedWithProviders.ratios.map((r) => r.toFixed(2)).join(', ')}), CPU ${pairedWithProviders.cpuMedian.toFixed(2)}`);
console.log(`Azure Tables (Azurite) / embedded SQLite state throughput ratio: ${(withTables.rps / Math.max(1, guarded.rps)).toFixed(2)}`);
// The conversations did build a history (one user per conversation, no tenant in these activities).
const kept = await new ConversationHistory(runtime.state, loadConfig(benchEnv()).state.history).load({ conversationId: 'bench-multi-1', userId: '29:bench-user-1' });
console.log(`turns kept in the history of the first 5-turn conversation (embedded SQLite): ${kept.length}`);
console.log(`history on / off throughput ratio (5-turn conversations, SQLite): ${(multi.rps / Math.max(1, multiOff.rps)).toFixed(2)}; Azurite / SQLite with history: ${(multiTables.rps / Math.max(1, multi.rps)).toFixed(2)}; history on / bare: ${(multi.rps / Math.max(1, echo.rps)).toFixed(2)}`);
console.log(`exporter on / off throughput ratio: ${(withExporter.rps / Math.max(1, guarded.rps)).toFixed(2)}; AgentTurn events received by the collector: ${exportedTurns} by the end of its row, ${exportedTurnsAfterFlush} after its agent closed`);

await host.close();
await runtime.close();
await onTables.host.close();
await onTables.runtime.close();
await noHistory.host.close();
await noHistory.runtime.close();
await onTablesNoHistory.host.close();
await onTablesNoHistory.runtime.close();
await azurite.stop();
await collector.close();
await bare.close();
