// Runs the Content Safety emulator as a process for local development:
//   CONTENT_SAFETY_EMULATOR_PORT=4450 tsx emulators/content-safety/main.ts
// Prints one JSON line with the endpoint and key to put in CONTENT_SAFETY_ENDPOINT
// / CONTENT_SAFETY_KEY. Clients must trust the dev CA (scripts/with-dev-ca.ts).
import { startContentSafetyEmulator } from './content-safety-emulator.js';

const port = Number(process.env.CONTENT_SAFETY_EMULATOR_PORT ?? '0');
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write('CONTENT_SAFETY_EMULATOR_PORT must be a port number (0-65535).\n');
  process.exit(2);
}

const emulator = await startContentSafetyEmulator({ port });
process.stdout.write(JSON.stringify({ emulator: 'content-safety', endpoint: emulator.endpoint, key: emulator.key }) + '\n');

const stop = () => {
  void emulator.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
