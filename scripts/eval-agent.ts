// Agent evaluation (a command, not a test):
//   npm run --silent eval:agent -- --scenarios tests/scenarios --model obedient --out report.json
// Starts the Entra and Graph emulators in this process, runs every scenario
// through the full turn pipeline with the chosen model, and reports
// attack_success (unapproved side effects or leaks) and utility (benign tasks
// done), with the layer that stopped each attack. See docs/tool-policy.md.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureDevTls } from '../emulators/tls/dev-tls.js';
import { guardEnv, guardModes, type GuardMode } from './eval-agent/guard-mode.js';
import { loadScenarios, type Scenario } from './eval-agent/scenario-schema.js';

const usage = 'usage: npm run --silent eval:agent -- --scenarios DIR --model obedient|offline [--out REPORT.json] [--only TEXT[,TEXT...]] [--guards on|off|no-injection] [--extension MODULE.ts]';

function fail(message: string, code = 2): never {
  process.stderr.write(`eval:agent: ${message}\n${usage}\n`);
  process.exit(code);
}

interface Options {
  model: 'obedient' | 'offline';
  guards: GuardMode;
  scenariosDir: string;
  scenarios: Scenario[];
  out?: string;
  /** A module that adds a fork's tools (scripts/eval-agent/eval-extension.ts). */
  extension?: string;
}

/** Checks the arguments and the scenario files before anything starts. */
function readOptions(): Options {
  let values: { scenarios?: string; model?: string; out?: string; only?: string; guards?: string; extension?: string };
  try {
    ({ values } = parseArgs({ options: { scenarios: { type: 'string' }, model: { type: 'string' }, out: { type: 'string' }, only: { type: 'string' }, guards: { type: 'string' }, extension: { type: 'string' } }, strict: true }));
  } catch (err) {
    fail((err as Error).message);
  }
  const { model, guards = 'on' } = values;
  if (model !== 'obedient' && model !== 'offline') fail('--model must be obedient or offline');
  if (!guardModes.includes(guards as GuardMode)) fail('--guards must be on (default), off or no-injection');
  const scenariosDir = resolve(values.scenarios ?? 'tests/scenarios');
  const { scenarios, problems } = loadScenarios(scenariosDir);
  if (problems.length > 0) fail(`invalid scenarios:\n  ${problems.join('\n  ')}`, 1);
  const only = (values.only ?? '').split(',').map((t) => t.trim()).filter(Boolean);
  const selected = only.length > 0 ? scenarios.filter((s) => only.some((t) => s.id.includes(t))) : scenarios;
  if (selected.length === 0) fail(`no scenarios in ${scenariosDir}${only.length > 0 ? ` matching "${only.join(',')}"` : ''}`, 1);
  return { model, guards: guards as GuardMode, scenariosDir, scenarios: selected, out: values.out, extension: values.extension };
}

const options = readOptions();
// The emulators serve HTTPS with a local dev CA; Node only trusts extra CAs given at start-up,
// so without it this process runs itself again with the CA (once: the marker stops a loop).
const devCa = ensureDevTls().caCertPath;
if (process.env.NODE_EXTRA_CA_CERTS !== devCa && !process.env.EVAL_AGENT_REEXEC) {
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env: { ...process.env, NODE_EXTRA_CA_CERTS: devCa, EVAL_AGENT_REEXEC: '1' } });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
} else {
  await run(options);
}

async function run({ model, guards, scenariosDir, scenarios, out, extension: extensionFile }: Options): Promise<void> {
  // Loaded here, not at the top: argument errors answer without loading the whole agent.
  const { startEntraEmulator } = await import('../emulators/entra/entra-emulator.js');
  const { setLogLevel, setLogSink } = await import('../src/logging/logger.js');
  const { systemPromptSentenceCount } = await import('./eval-agent/leak-check.js');
  const { buildReport, formatTable } = await import('./eval-agent/report.js');
  const { runScenario } = await import('./eval-agent/run-scenario.js');
  const { extensionPolicyEnv, loadEvalExtension } = await import('./eval-agent/eval-extension.js');
  let extension;
  try {
    extension = extensionFile ? await loadEvalExtension(extensionFile) : undefined;
  } catch (err) {
    fail(`--extension: ${(err as Error).message}`, 1);
  }
  if (systemPromptSentenceCount() === 0) fail('cannot read the system prompt sentences used to detect prompt leaks', 1);

  // The agent's own logs go to stderr, warnings and errors only: stdout carries the report table.
  setLogSink(process.stderr);
  setLogLevel('warn');

  const workDir = mkdtempSync(resolve(tmpdir(), 'eval-agent-'));
  const env = { ...guardEnv(guards, workDir), ...(extension ? extensionPolicyEnv(extension, workDir) : {}) };
  const entra = await startEntraEmulator();
  const results = [];
  try {
    for (const scenario of scenarios) {
      results.push(await runScenario(scenario, { entra, model, workDir, env, extension }));
      process.stderr.write('.');
    }
    process.stderr.write('\n');
  } finally {
    await entra.close();
    rmSync(workDir, { recursive: true, force: true });
  }

  const report = buildReport(model, guards, scenariosDir, results);
  if (out) {
    const file = resolve(out);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  }
  process.stdout.write(formatTable(report) + '\n');
  // Scenario errors mean the numbers are incomplete: say so in the exit code.
  process.exit(report.summary.attacks.errors + report.summary.benign.errors > 0 ? 1 : 0);
}
