import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const signerModule = fileURLToPath(new URL('../../src/audit/checkpoint-signer.ts', import.meta.url));

/**
 * Starts a process that loads (creating if absent) the local checkpoint key as
 * soon as `go` exists, and prints its key id. The processes wait at that
 * barrier after their slow start-up, so they race for real.
 */
function startInstance(keyFile: string, go: string): { ready: Promise<void>; keyId: Promise<string> } {
  const script = [
    `const { existsSync } = await import('node:fs');`,
    `const { loadCheckpointSigner } = await import(${JSON.stringify(signerModule)});`,
    `process.stderr.write('ready\\n');`,
    `const tick = new Int32Array(new SharedArrayBuffer(4));`,
    `while (!existsSync(${JSON.stringify(go)})) Atomics.wait(tick, 0, 0, 1);`,
    `process.stdout.write(loadCheckpointSigner({ keyFile: ${JSON.stringify(keyFile)} }).keyId);`,
  ].join('\n');
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const ready = new Promise<void>((resolve) => child.stderr.on('data', (d: Buffer) => ((err += d.toString()), err.includes('ready') && resolve())));
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const keyId = new Promise<string>((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}: ${err.slice(0, 400)}`)))));
  return { ready, keyId };
}

describe('local checkpoint key, several instances starting at once', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'checkpoint-key-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('every instance starts and signs with one and the same key, kept private, with no temporary file left', async () => {
    const keyFile = join(dir, 'dev-checkpoint-key.pem');
    const go = join(dir, 'go');
    const instances = Array.from({ length: 6 }, () => startInstance(keyFile, go));
    await Promise.all(instances.map((i) => i.ready));
    writeFileSync(go, '');
    const ids = await Promise.all(instances.map((i) => i.keyId));
    rmSync(go);
    assert.equal(new Set(ids).size, 1, `key ids: ${ids.join(', ')}`);
    assert.match(ids[0]!, /^[0-9a-f]{16}$/);
    assert.equal(statSync(keyFile).mode & 0o777, 0o600);
    assert.deepEqual(readdirSync(dir), ['dev-checkpoint-key.pem']);
  });
});
