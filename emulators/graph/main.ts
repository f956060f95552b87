// Runs the Graph emulator as a process for `npm run dev`:
//   ENTRA_EMULATOR_URL=https://127.0.0.1:4443 GRAPH_EMULATOR_PORT=4444 tsx emulators/graph/main.ts
// Needs the dev CA trusted (scripts/with-dev-ca.ts) to fetch the Entra JWKS.
import { startGraphEmulator } from './graph-emulator.js';

const entraUrl = process.env.ENTRA_EMULATOR_URL;
const port = Number(process.env.GRAPH_EMULATOR_PORT ?? '0');
if (!entraUrl || !/^https:\/\//.test(entraUrl)) {
  process.stderr.write('ENTRA_EMULATOR_URL must be the https URL of the running Entra emulator (emulators/entra/main.ts).\n');
  process.exit(2);
}
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write('GRAPH_EMULATOR_PORT must be a port number (0-65535).\n');
  process.exit(2);
}
const base = entraUrl.replace(/\/$/, '');
const graph = await startGraphEmulator({
  entra: { issuer: (t) => `${base}/${t}/v2.0`, jwksUri: (t) => `${base}/${t}/discovery/v2.0/keys` },
  port,
});
process.stdout.write(JSON.stringify({ emulator: 'graph', url: graph.url, api: `${graph.url}/v1.0` }) + '\n');

const stop = () => {
  void graph.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
