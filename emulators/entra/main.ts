// Runs the Entra emulator as a process for `npm run dev`:
//   ENTRA_EMULATOR_PORT=4443 tsx emulators/entra/main.ts
// Clients must trust the dev CA (scripts/with-dev-ca.ts). Prints one JSON line
// with the URL and seeded ids so other dev processes can be configured from it.
import { startEntraEmulator } from './entra-emulator.js';
import { demoBotAppId, demoTenantId, demoUserUpn } from './seed.js';

const port = Number(process.env.ENTRA_EMULATOR_PORT ?? '0');
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write('ENTRA_EMULATOR_PORT must be a port number (0-65535).\n');
  process.exit(2);
}

const entra = await startEntraEmulator({ port });
process.stdout.write(JSON.stringify({ emulator: 'entra', url: entra.url, tenantId: demoTenantId, botAppId: demoBotAppId, demoUser: demoUserUpn, caCertPath: entra.caCertPath }) + '\n');

const stop = () => {
  void entra.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
