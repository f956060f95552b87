// The dev CA and server certificate the emulators serve HTTPS with, and the
// wrapper that makes one child process (never the system) trust that CA.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { ensureDevTls } from '../../emulators/tls/dev-tls.js';

const run = (args: string[], env: NodeJS.ProcessEnv) =>
  new Promise<{ code: number | null; stdout: string }>((resolve) => {
    execFile(args[0]!, args.slice(1), { env, timeout: 60_000 }, (err, stdout) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout }));
  });

describe('dev TLS material and scripts/with-dev-ca.ts', () => {
  it('creates a CA and a localhost certificate once, then reuses them', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'devtls-')), 'tls');
    const first = ensureDevTls(dir);
    const again = ensureDevTls(dir);
    assert.equal(again.certPem, first.certPem);
    assert.equal(again.caCertPath, join(dir, 'ca.pem'));
    const ca = new X509Certificate(first.caPem);
    const cert = new X509Certificate(first.certPem);
    assert.equal(ca.ca, true);
    assert.equal(cert.ca, false);
    assert.ok(cert.verify(ca.publicKey), 'the server certificate is signed by the CA');
    for (const name of ['DNS:localhost', 'IP Address:127.0.0.1', 'IP Address:0:0:0:0:0:0:0:1']) assert.ok(cert.subjectAltName?.includes(name), name);
  });

  it('the CA is trusted by the wrapped command only, and its exit code comes back', async () => {
    const tls = ensureDevTls();
    const server: Server = createServer({ cert: tls.certPem, key: tls.keyPem }, (_req, res) => res.end('trusted'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const probe = `fetch(${JSON.stringify(url)}).then(r=>r.text()).then(t=>{console.log(t);process.exit(7)},()=>{console.log('untrusted');process.exit(3)})`;
    const { NODE_EXTRA_CA_CERTS: _ignored, ...plainEnv } = process.env;
    try {
      const wrapped = await run([process.execPath, '--import', 'tsx', 'scripts/with-dev-ca.ts', process.execPath, '-e', probe], plainEnv);
      assert.equal(wrapped.stdout.trim(), 'trusted');
      assert.equal(wrapped.code, 7);
      const bare = await run([process.execPath, '-e', probe], plainEnv);
      assert.equal(bare.stdout.trim(), 'untrusted');
    } finally {
      server.close();
    }
  });
});
