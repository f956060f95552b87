// Local TLS material for the emulators (dev and tests only). MSAL insists on
// https authorities, so the Entra emulator (and friends) serve HTTPS with a
// server certificate signed by a throw-away local CA. The CA is trusted per
// process through NODE_EXTRA_CA_CERTS (see scripts/with-dev-ca.ts), never
// installed system-wide. Created once under .local/tls (git-ignored), reused after.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import forge from 'node-forge';

export interface DevTls {
  /** File to hand to NODE_EXTRA_CA_CERTS. */
  caCertPath: string;
  /** Server certificate for localhost, 127.0.0.1 and ::1 (PEM). */
  certPem: string;
  /** Server private key (PEM). Dev only: never used outside this machine. */
  keyPem: string;
  /** The local CA certificate (PEM). */
  caPem: string;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const defaultDevTlsDir = join(repoRoot, '.local', 'tls');

const files = { ca: 'ca.pem', cert: 'server-cert.pem', key: 'server-key.pem' } as const;
const dayMs = 24 * 60 * 60 * 1000;

/** Returns the dev CA and server certificate, creating them on first use (or when they are about to expire). */
export function ensureDevTls(dir: string = defaultDevTlsDir): DevTls {
  const existing = readExisting(dir);
  if (existing) return existing;
  mkdirSync(dirname(dir), { recursive: true });
  // Written into a temporary folder then renamed, so concurrent processes never
  // see half-written files: the first rename wins and the others read its result.
  const staging = mkdtempSync(join(dirname(dir), '.tls-'));
  const material = createMaterial();
  writeFileSync(join(staging, files.ca), material.caPem);
  writeFileSync(join(staging, files.cert), material.certPem);
  writeFileSync(join(staging, files.key), material.keyPem, { mode: 0o600 });
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true }); // only reached when stale
  try {
    renameSync(staging, dir);
  } catch {
    rmSync(staging, { recursive: true, force: true });
    const winner = readExisting(dir);
    if (winner) return winner;
    throw new Error(`Could not create dev TLS material in ${dir}; delete the folder and try again.`);
  }
  return { ...material, caCertPath: join(dir, files.ca) };
}

function readExisting(dir: string): DevTls | undefined {
  const caCertPath = join(dir, files.ca);
  try {
    const caPem = readFileSync(caCertPath, 'utf8');
    const certPem = readFileSync(join(dir, files.cert), 'utf8');
    const keyPem = readFileSync(join(dir, files.key), 'utf8');
    const minValidUntil = Date.now() + 7 * dayMs;
    for (const pem of [caPem, certPem]) {
      if (Date.parse(new X509Certificate(pem).validTo) < minValidUntil) return undefined;
    }
    return { caCertPath, caPem, certPem, keyPem };
  } catch {
    return undefined;
  }
}

function createMaterial(): Omit<DevTls, 'caCertPath'> {
  const caKeys = rsaKeys();
  const ca = forge.pki.createCertificate();
  ca.publicKey = caKeys.publicKey;
  ca.serialNumber = serial();
  ca.validity.notBefore = new Date(Date.now() - dayMs);
  ca.validity.notAfter = new Date(Date.now() + 5 * 365 * dayMs);
  const caName = [
    { name: 'commonName', value: 'secure-teams-agent local dev CA' },
    { name: 'organizationName', value: 'secure-teams-agent (dev only)' },
  ];
  ca.setSubject(caName);
  ca.setIssuer(caName);
  ca.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  ca.sign(caKeys.privateKey, forge.md.sha256.create());

  const serverKeys = rsaKeys();
  const server = forge.pki.createCertificate();
  server.publicKey = serverKeys.publicKey;
  server.serialNumber = serial();
  server.validity.notBefore = new Date(Date.now() - dayMs);
  server.validity.notAfter = new Date(Date.now() + 2 * 365 * dayMs);
  server.setSubject([{ name: 'commonName', value: 'localhost' }]);
  server.setIssuer(caName);
  server.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        { type: 2, value: 'localhost' },
        { type: 7, ip: '127.0.0.1' },
        { type: 7, ip: '::1' },
      ],
    },
    { name: 'authorityKeyIdentifier', keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes() },
  ]);
  server.sign(caKeys.privateKey, forge.md.sha256.create());

  return {
    caPem: forge.pki.certificateToPem(ca),
    certPem: forge.pki.certificateToPem(server),
    keyPem: forge.pki.privateKeyToPem(serverKeys.privateKey),
  };
}

/** Keys come from Node's native crypto (fast); forge only builds and signs the certificates. */
function rsaKeys(): { publicKey: forge.pki.rsa.PublicKey; privateKey: forge.pki.rsa.PrivateKey } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return {
    publicKey: forge.pki.publicKeyFromPem(publicKey) as forge.pki.rsa.PublicKey,
    privateKey: forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey,
  };
}

/** Positive serial number (leading 01 byte keeps the DER integer positive). */
function serial(): string {
  return '01' + randomBytes(15).toString('hex');
}
