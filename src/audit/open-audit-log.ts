// The local audit log as configured: signing key (or the dev key file) and limits.
import { createPublicKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { AuditSettings } from './audit-settings.js';
import { loadCheckpointSigner, parsePrivateKey, parsePublicKey, verifierFor, type CheckpointVerifier } from './checkpoint-signer.js';
import { openLocalAuditLog, type LocalAuditLog } from './local-audit-log.js';

export async function openConfiguredAuditLog(settings: AuditSettings, canPrune?: (segmentName: string) => Promise<boolean>): Promise<LocalAuditLog> {
  const signer = loadCheckpointSigner({ key: settings.signingKey, keyFile: settings.devKeyFile });
  return openLocalAuditLog({ ...settings, signer, canPrune });
}

/** The public key of the configured signing key, or of the dev key file; never creates a key. */
export function configuredVerifier(settings: AuditSettings): CheckpointVerifier {
  if (settings.signingKey) return verifierFor([createPublicKey(parsePrivateKey(settings.signingKey))]);
  if (existsSync(settings.devKeyFile)) return verifierFor([parsePublicKey(readFileSync(settings.devKeyFile, 'utf8'))]);
  throw new Error('no checkpoint key: set AUDIT_SIGNING_KEY or pass --public-key <file> (the public key of the agent that wrote the log)');
}
