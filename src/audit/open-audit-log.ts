// The local audit log as configured: signing key (or the dev key file) and limits.
import type { AuditSettings } from './audit-settings.js';
import { loadCheckpointSigner, verifierFor, type CheckpointVerifier } from './checkpoint-signer.js';
import { openLocalAuditLog, type LocalAuditLog } from './local-audit-log.js';

export async function openConfiguredAuditLog(settings: AuditSettings): Promise<LocalAuditLog> {
  const signer = loadCheckpointSigner({ key: settings.signingKey, keyFile: settings.devKeyFile });
  return openLocalAuditLog({ ...settings, signer });
}

export function configuredVerifier(settings: AuditSettings): CheckpointVerifier {
  return verifierFor([loadCheckpointSigner({ key: settings.signingKey, keyFile: settings.devKeyFile }).publicKey]);
}
