// Server-side CPU per turn of the bare echo and of the guarded turn, each server in its own process
// (optionally with the V8 CPU profiler on after the warm-up), alternating runs under the same load.
//   npx tsx bench/host/profile-turns.ts [--rounds 3 --seconds 4 --connections 16 --warmup-turns 12000 --warmup-seconds 30 --profile DIR --baseline DIR]
// With --profile the servers write .cpuprofile files to DIR; bench/host/summarise-profile.ts reads them.
// With --baseline a third server, the guarded turn of another checkout (e.g. `git archive` of the
// commit before a change, with node_modules linked), alternates with the other two: a before/after
// comparison under the same load, which a machine shared with other work needs.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { benchActivity } from './bench-servers.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const rounds = Number(arg('rounds', '3'));
const seconds = Number(arg('seconds', '4'));
const connections = Number(arg('connections', '16'));
const profileDir = arg('profile', '');
const baseline = arg('baseline', '');
const warmupTurns = Number(arg('warmup-turns', '12000'));
const warmupCapSeconds = Number(arg('warmup-seconds', '30'));
const kinds = [...arg('kinds', 'echo,guarded').split(','), ...(baseline ? ['baseline'] : [])];
const text = 'hello there, how are you today?';

const body = (n: number): string => benchActivity(text, n);

interface Server {
  kind: string;
  child: ChildProcess;
  url: string;
  exited: Promise<unknown>;
  next(): Promise<Record<string, unknown>>;
}

async function startServer(kind: string): Promise<Server> {
  const profile = profileDir ? [`${profileDir}/${kind}.cpuprofile`] : [];
  const cwd = kind === 'baseline' ? baseline : process.cwd();
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/host/profile-server.ts', kind === 'baseline' ? 'guarded' : kind, ...profile], { cwd, stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async () => JSON.parse(String((await lines.next()).value)) as Record<string, unknown>;
  const { url } = await next();
  return { kind, child, url: String(url), exited, next };
}

async function warm(url: string, amount: number): Promise<void> {
  let n = 0;
  await autocannon({ url: `${url}/api/messages`, connections, maxOverallRequests: amount, duration: warmupCapSeconds, method: 'POST', headers: { 'content-type': 'application/json' }, requests: [{ setupRequest: (req) => ({ ...req, body: body(n++) }) }] });
}

async function load(url: string, duration: number): Promise<autocannon.Result> {
  let n = 0;
  return autocannon({ url: `${url}/api/messages`, connections, duration, method: 'POST', headers: { 'content-type': 'application/json' }, requests: [{ setupRequest: (req) => ({ ...req, body: body(n++) }) }] });
}

const servers = await Promise.all(kinds.map(startServer));
// Warm-up by turns, not seconds: the guarded turn's functions reach V8's optimising compiler only after
// thousands of turns, and the background compile threads' CPU would otherwise count against it.
for (const s of servers) await warm(s.url, warmupTurns);
const totals = new Map<string, { requests: number; rps: number[] }>(kinds.map((k) => [k, { requests: 0, rps: [] }]));
for (const s of servers) s.child.kill('SIGUSR2');
for (let r = 0; r < rounds; r++) {
  for (const s of servers) {
    const result = await load(s.url, seconds);
    const t = totals.get(s.kind)!;
    t.requests += result.requests.total;
    t.rps.push(Math.round(result.requests.average));
    if (result.non2xx || result.errors) console.log(`${s.kind}: non2xx ${result.non2xx}, errors ${result.errors}`);
  }
}
const cpu = new Map<string, number>();
const offMain = new Map<string, number | undefined>();
const gcOf = new Map<string, Record<string, number> | undefined>();
for (const s of servers) {
  s.child.kill('SIGINT');
  const reported = await s.next();
  cpu.set(s.kind, Number(reported.cpu_us));
  offMain.set(s.kind, typeof reported.off_main_thread_us === 'number' ? reported.off_main_thread_us : undefined);
  gcOf.set(s.kind, reported.gc as Record<string, number> | undefined);
  await s.exited;
}
for (const k of kinds) {
  const t = totals.get(k)!;
  const perRequest = (us: number) => Math.round(us / Math.max(1, t.requests));
  const off = offMain.get(k);
  const gc = gcOf.get(k);
  // Scavenges and other collections (mostly mark-compacts) per 1,000 requests, and their main-thread pause per request.
  const gcPerRequest = gc && { scavenges_per_1000: +((gc.minor! * 1000) / t.requests).toFixed(1), scavenge_us_per_request: perRequest(gc.minor_ms! * 1000), full_gcs_per_1000: +((gc.major! * 1000) / t.requests).toFixed(2), full_gc_us_per_request: perRequest(gc.major_ms! * 1000) };
  // Of the server's CPU, what ran outside the main thread (V8's compiler and GC helpers): no CPU profile shows it.
  console.log(JSON.stringify({ kind: k, requests: t.requests, rps: t.rps, server_cpu_us_per_request: perRequest(cpu.get(k)!), ...(off === undefined ? {} : { off_main_thread_us_per_request: perRequest(off) }), ...(gcPerRequest ? { gc: gcPerRequest } : {}) }));
}
const per = (k: string) => cpu.get(k)! / Math.max(1, totals.get(k)!.requests);
if (kinds.includes('echo') && kinds.includes('guarded')) console.log(`echo / guarded server CPU per request: ${(per('echo') / per('guarded')).toFixed(2)}`);
if (kinds.includes('echo') && baseline) console.log(`echo / baseline guarded server CPU per request: ${(per('echo') / per('baseline')).toFixed(2)}`);
