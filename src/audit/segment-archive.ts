// Ships sealed segments of the local audit log to Azure Blob Storage, into a
// container with a time-based immutability policy (infra/monitor/audit-archive.bicep):
// once there, a segment cannot be changed or deleted until the policy allows, so
// a copy of the chain outlives anyone with access to the agent's disk. Only
// sealed segments go (never the one being written); each is created once
// (If-None-Match: *), so a retry never overwrites. Retention prunes a local
// segment only once the archived blob is known to hold the same bytes.
import { ContainerClient, RestError } from '@azure/storage-blob';
import { ManagedIdentityCredential } from '@azure/identity';
import type { Tracer } from '@opentelemetry/api';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { listSegments } from './segment-files.js';
import { traceDependency } from '../logging/dependency-span.js';

export interface SegmentArchive {
  /** Uploads every sealed segment not archived yet; returns the names uploaded now. */
  shipSealed(): Promise<string[]>;
  /** True once the segment is in the archive (checked, then remembered). */
  isArchived(name: string): Promise<boolean>;
}

export interface SegmentArchiveSettings {
  /** https://<account>.blob.core.windows.net/<container>, with managed identity. */
  containerUrl?: string;
  managedIdentityClientId?: string;
  /** Development (Azurite): a connection string and container name instead. */
  connectionString?: string;
  containerName: string;
}

export function containerClientFor(settings: SegmentArchiveSettings): ContainerClient | undefined {
  if (settings.connectionString) return new ContainerClient(settings.connectionString, settings.containerName);
  if (settings.containerUrl) {
    const credential = settings.managedIdentityClientId ? new ManagedIdentityCredential({ clientId: settings.managedIdentityClientId }) : new ManagedIdentityCredential();
    return new ContainerClient(settings.containerUrl, credential);
  }
  return undefined;
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const statusOf = (err: unknown) => (err instanceof RestError ? err.statusCode : undefined);

/** `prefix`: this chain's folder in the container (one per agent instance). `tracer`: blob calls as Application Insights dependencies. */
export function createSegmentArchive(container: ContainerClient, dir: string, prefix: string, tracer?: Tracer): SegmentArchive {
  const archived = new Set<string>();
  const blobName = (name: string) => `${prefix}/${name}`;
  let shipping: Promise<string[]> | undefined;
  let followUp: Promise<string[]> | undefined;
  const target = { 'db.system': 'Azure blob', 'db.name': container.containerName, 'server.address': new URL(container.url).host };
  // Each blob call as its own dependency (the archive runs beside turns, not in one). `expected`: statuses that are answers, not failures.
  const blobCall = <T>(operation: string, name: string, expected: number[], work: () => Promise<T>): Promise<T> =>
    tracer
      ? traceDependency(tracer, `${operation} ${blobName(name)}`, { ...target, 'db.operation': operation }, work, {
          failed: (err) => !expected.includes(statusOf(err) ?? 0),
          errorType: (err) => String(statusOf(err) ?? (err instanceof Error ? err.name : 'Error')),
        })
      : work();

  // Archived means: a blob of that name holding exactly the local bytes (its recorded digest and size match).
  const isArchived = async (name: string): Promise<boolean> => {
    if (archived.has(name)) return true;
    const path = join(dir, name);
    try {
      const props = await blobCall('get-properties', name, [404], () => container.getBlockBlobClient(blobName(name)).getProperties());
      if (props.metadata?.sha256 === (await sha256Of(path)) && props.contentLength === (await stat(path)).size) archived.add(name);
    } catch (err) {
      if (statusOf(err) !== 404) throw err;
    }
    return archived.has(name);
  };

  const ship = async (): Promise<string[]> => {
    const segments = await listSegments(dir);
    const uploaded: string[] = [];
    for (const segment of segments.slice(0, -1)) {
      if (await isArchived(segment.name)) continue;
      try {
        const metadata = { firstseq: String(segment.firstSeq), sha256: await sha256Of(segment.path) };
        await blobCall('upload', segment.name, [409, 412], () =>
          container.getBlockBlobClient(blobName(segment.name)).uploadFile(segment.path, {
            conditions: { ifNoneMatch: '*' },
            blobHTTPHeaders: { blobContentType: 'application/x-ndjson' },
            // The digest lets an auditor check the archived copy against a local one without reading both.
            metadata,
          }),
        );
        uploaded.push(segment.name);
        archived.add(segment.name);
      } catch (err) {
        // Something else already has this name: never overwritten, and the local copy is not counted as archived.
        if (statusOf(err) !== 409 && statusOf(err) !== 412) throw err;
      }
    }
    return uploaded;
  };

  const shipSealed = (): Promise<string[]> => {
    // One run at a time: a timer and a rollover may ask together.
    if (!shipping) {
      shipping = ship().finally(() => (shipping = undefined));
      return shipping;
    }
    // A run is under way and may have listed the segments before the latest rollover: whoever asks now
    // waits for it and for one more run after it (shared by everyone asking meanwhile), and hears of both.
    followUp ??= shipping
      .catch(() => [] as string[])
      .then(async (earlier) => {
        followUp = undefined;
        return [...earlier, ...(await shipSealed())];
      });
    return followUp;
  };

  return { isArchived, shipSealed };
}
