// Process entry: load configuration, build the agent, serve it, stop gracefully.
import { ConfigError, loadConfig } from './config.js';
import { createAgentRuntime } from './agent/agent-runtime.js';
import { startHost } from './host/http-server.js';
import { createLogger } from './logging/logger.js';
import { loadEnvFiles } from './load-env-files.js';

const log = createLogger('main');

async function main(): Promise<void> {
  loadEnvFiles(process.env);
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(err.message + '\n');
      process.exit(2);
    }
    throw err;
  }
  const runtime = await createAgentRuntime(config);
  const host = await startHost({
    settings: config.host,
    adapter: runtime.adapter,
    handleTurn: (context) => runtime.app.run(context),
    readiness: runtime.readiness,
  });
  process.stdout.write(`secure-teams-agent listening on ${host.url}/api/messages (auth: ${config.host.authMode})\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal, inFlight: host.inFlight() });
    await host.close();
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err) => {
  log.error('start-up failed', { error: err });
  process.stderr.write(`start-up failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
