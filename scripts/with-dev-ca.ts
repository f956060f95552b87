// Runs a command with the local dev CA trusted: `npx tsx scripts/with-dev-ca.ts <command> [args...]`.
// Node (and so MSAL, fetch, the Application Insights SDK) reads NODE_EXTRA_CA_CERTS
// only at process start, so the CA has to be handed to a fresh child process.
// The CA is trusted by that child only, never system-wide.
import { spawn } from 'node:child_process';
import { ensureDevTls } from '../emulators/tls/dev-tls.js';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  process.stderr.write('usage: tsx scripts/with-dev-ca.ts <command> [args...]\n');
  process.exit(2);
}

const tls = ensureDevTls();
const child = spawn(command, args, {
  stdio: 'inherit',
  // shell on Windows so that npm-installed .cmd shims (mocha, tsx) resolve.
  shell: process.platform === 'win32',
  env: { ...process.env, NODE_EXTRA_CA_CERTS: tls.caCertPath },
});

const forward = (signal: NodeJS.Signals) => () => {
  if (child.exitCode === null) child.kill(signal);
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, forward(signal));

child.on('error', (err) => {
  process.stderr.write(`with-dev-ca: could not start "${command}": ${err.message}\n`);
  process.exit(127);
});
child.on('exit', (code, signal) => {
  if (signal) {
    // Re-raise so our parent sees the same cause of death.
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
    return;
  }
  process.exit(code ?? 1);
});
