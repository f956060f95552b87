// One server of the host benchmark in its own process, so a CPU profile and the CPU time per request
// hold the server's work only, not the load generator's.
//   node --import tsx bench/host/profile-server.ts guarded|echo [profile-file]
// Prints {"url": ...} on stdout when listening. SIGUSR2 (after the warm-up) restarts the CPU counter
// and, with a profile file, starts the V8 profiler; SIGINT prints {"cpu_us": ...}, writes the profile
// and exits. Used by bench/host/profile-turns.ts.
import { Session } from 'node:inspector/promises';
import { PerformanceObserver, constants as perfConstants } from 'node:perf_hooks';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { setLogLevel } from '../../src/logging/logger.js';
import { benchEnv, startAgent, startBareEcho } from './bench-servers.js';

setLogLevel('error');
const kind = process.argv[2] ?? 'guarded';

// The guarded turn of bench-turns.ts: embedded SQLite, history off, rate limits out of the way.
const url = kind === 'echo' ? (await startBareEcho()).url : (await startAgent(benchEnv({ HISTORY_MAX_TURNS: process.env.PROFILE_HISTORY_MAX_TURNS ?? '0' }))).host.url;
const profileFile = process.argv[3];
const session = profileFile ? new Session() : undefined;
let cpuStart = process.cpuUsage();
let offMainStart = offMainThreadTicks();
// Garbage collections since the counter restarted, count and main-thread pause: scavenges (minor) and
// the rest (mark-compacts, incremental marking, weak callbacks). A CPU profile lumps them together.
const gc = { minor: 0, minor_ms: 0, major: 0, major_ms: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if ((entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === perfConstants.NODE_PERFORMANCE_GC_MINOR) {
      gc.minor++;
      gc.minor_ms += entry.duration;
    } else {
      gc.major++;
      gc.major_ms += entry.duration;
    }
  }
}).observe({ entryTypes: ['gc'] });
// The driver warms the server up, then asks for the counter (and the profile) to start afresh.
process.on('SIGUSR2', () => {
  cpuStart = process.cpuUsage();
  offMainStart = offMainThreadTicks();
  Object.assign(gc, { minor: 0, minor_ms: 0, major: 0, major_ms: 0 });
  if (!session) return;
  session.connect();
  void session.post('Profiler.enable').then(() => session.post('Profiler.start'));
});
process.on('SIGINT', () => {
  const cpu = process.cpuUsage(cpuStart);
  const offMain = offMainThreadTicks();
  // Clock ticks are 10 ms on Linux: coarse, but a run holds thousands of them.
  const offMainUs = offMain === undefined || offMainStart === undefined ? undefined : (offMain - offMainStart) * 10_000;
  process.stdout.write(`${JSON.stringify({ cpu_us: cpu.user + cpu.system, off_main_thread_us: offMainUs, gc })}\n`);
  if (!session) process.exit(0);
  void session.post('Profiler.stop').then(({ profile }) => {
    writeFileSync(profileFile!, JSON.stringify(profile));
    process.exit(0);
  });
});
process.stdout.write(`${JSON.stringify({ url })}\n`);

/**
 * CPU clock ticks of every thread but the main one (V8's compile and GC helpers, libuv's pool), from
 * /proc on Linux; undefined elsewhere. cpuUsage() counts them, a CPU profile does not.
 */
function offMainThreadTicks(): number | undefined {
  try {
    let ticks = 0;
    for (const tid of readdirSync('/proc/self/task')) {
      if (tid === String(process.pid)) continue;
      // utime and stime are fields 14 and 15; the command name (field 2) may hold spaces, so count from its ')'.
      const fields = readFileSync(`/proc/self/task/${tid}/stat`, 'latin1').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    }
    return ticks;
  } catch {
    return undefined;
  }
}
