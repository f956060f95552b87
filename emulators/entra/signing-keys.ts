// The emulator's token-signing keys. Like Entra, it publishes the current key
// and, after a rotation, keeps the previous one in the JWKS for a grace period
// so tokens signed just before the rotation still validate. A "rogue" key is
// never published: tokens signed with it must be rejected by every validator.
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import type { JWK } from 'jose';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicJwk: JWK;
}

export type KeyChoice = 'current' | 'previous' | 'rogue';

function newKey(): SigningKey {
  // Keys leave the generator as PEM and are re-imported: exporting a JWK straight from
  // generateKeyPairSync's KeyObjects can deadlock Node 20 when a GC during the export
  // finalises the key-generation job that shares the key's lock (seen in CI).
  const pem = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
  const privateKey = createPrivateKey(pem.privateKey);
  const publicKey = createPublicKey(pem.publicKey);
  const kid = randomUUID().replace(/-/g, '');
  const publicJwk = { ...(publicKey.export({ format: 'jwk' }) as JWK), kid, use: 'sig', alg: 'RS256', kty: 'RSA' };
  return { kid, privateKey, publicJwk };
}

export class SigningKeyRing {
  private current = newKey();
  private previous: { key: SigningKey; publishedUntil: number } | undefined;
  private rogue: SigningKey | undefined;

  constructor(private readonly graceMs = 24 * 60 * 60 * 1000) {}

  rotate(): void {
    this.previous = { key: this.current, publishedUntil: Date.now() + this.graceMs };
    this.current = newKey();
  }

  pick(choice: KeyChoice = 'current'): SigningKey {
    if (choice === 'rogue') return (this.rogue ??= newKey());
    if (choice === 'previous') {
      if (!this.previous) throw new Error('No previous key: call rotateKeys() first.');
      return this.previous.key;
    }
    return this.current;
  }

  /** Published keys only (current + previous while in grace). */
  published(): SigningKey[] {
    const keys = [this.current];
    if (this.previous && this.previous.publishedUntil > Date.now()) keys.push(this.previous.key);
    return keys;
  }

  jwks(): { keys: JWK[] } {
    return { keys: this.published().map((k) => k.publicJwk) };
  }
}
