// Ed25519 signatures on checkpoints and segment anchors. Ed25519 rather than
// HMAC: whoever verifies (an auditor, a pipeline with only the public key)
// cannot forge checkpoints, and the private key can stay in Key Vault / app
// settings of the agent alone. The key comes from configuration; in local
// development one is generated next to the log once, so `npm run dev` works.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, sign, verify, type KeyObject } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface CheckpointSigner {
  readonly keyId: string;
  readonly publicKey: KeyObject;
  sign(message: string): string;
}

export interface CheckpointVerifier {
  /** True when `sig` is a signature of `message` by the key `keyId`; false for an unknown key. */
  verify(keyId: string, message: string, sig: string): boolean;
  knows(keyId: string): boolean;
}

/** First 16 hex characters of the SHA-256 of the public key (SPKI DER): names the key without revealing anything. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

export function signerFromPrivateKey(privateKey: KeyObject): CheckpointSigner {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('the audit signing key must be an Ed25519 private key');
  const publicKey = createPublicKey(privateKey);
  const keyId = keyIdOf(publicKey);
  return { keyId, publicKey, sign: (message) => sign(null, Buffer.from(message, 'utf8'), privateKey).toString('base64') };
}

/** PEM (PKCS#8) or base64 of the DER. */
export function parsePrivateKey(text: string): KeyObject {
  const trimmed = text.trim();
  if (trimmed.startsWith('-----BEGIN')) return createPrivateKey(trimmed);
  return createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' });
}

export function parsePublicKey(text: string): KeyObject {
  const trimmed = text.trim();
  if (trimmed.includes('PRIVATE KEY')) return createPublicKey(createPrivateKey(trimmed));
  if (trimmed.startsWith('-----BEGIN')) return createPublicKey(trimmed);
  return createPublicKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'spki' });
}

export function verifierFor(publicKeys: KeyObject[]): CheckpointVerifier {
  const byId = new Map(publicKeys.map((k) => [keyIdOf(k), k] as const));
  return {
    knows: (keyId) => byId.has(keyId),
    verify(keyId, message, sig) {
      const key = byId.get(keyId);
      if (!key) return false;
      try {
        return verify(null, Buffer.from(message, 'utf8'), key, Buffer.from(sig, 'base64'));
      } catch {
        return false;
      }
    },
  };
}

/** The configured key, or for local development a key file created on first use (mode 0600). */
export function loadCheckpointSigner(source: { key?: string; keyFile: string }): CheckpointSigner {
  if (source.key) return signerFromPrivateKey(parsePrivateKey(source.key));
  if (!existsSync(source.keyFile)) {
    mkdirSync(dirname(source.keyFile), { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    // Several local instances may start at once: write aside, then link into place, so the key file
    // appears whole and only once; an instance that lost the race uses the winner's key.
    const aside = `${source.keyFile}.${process.pid}.${randomUUID()}.tmp`;
    writeFileSync(aside, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    try {
      linkSync(aside, source.keyFile);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      unlinkSync(aside);
    }
  }
  return signerFromPrivateKey(parsePrivateKey(readFileSync(source.keyFile, 'utf8')));
}
