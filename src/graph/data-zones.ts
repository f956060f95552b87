// Data-zone policy (policy/data-zones.json): which sensitivity zone a
// SharePoint site or drive belongs to, and which zones the agent may reach at
// all. Tools tag every result with its zone so later stages (tool policy,
// output guards) can stop confidential content from flowing out.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { DataZone } from '../tools/tool.js';

const zone = z.enum(['public', 'internal', 'confidential']);
const rank: Record<DataZone, number> = { public: 0, internal: 1, confidential: 2 };

const policySchema = z
  .object({
    $comment: z.string().optional(),
    reach: z.array(zone).min(1, 'reach must list at least one zone'),
    defaultSiteZone: zone,
    personalDriveZone: zone,
    personalSiteHostSuffix: z.string().min(1).default('-my.sharepoint.com'),
    sites: z.array(z.object({ label: z.string().optional(), match: z.string().min(1), zone }).strict()).default([]),
    drives: z.array(z.object({ label: z.string().optional(), match: z.string().min(1), zone }).strict()).default([]),
  })
  .strict();

export type DataZonePolicyFile = z.input<typeof policySchema>;

/** Where a piece of content lives, as Graph reports it (parentReference). */
export interface ZoneRef {
  siteId?: string;
  driveId?: string;
  driveType?: string;
}

export class DataZonePolicyError extends Error {
  override readonly name = 'DataZonePolicyError';
}

export class DataZonePolicy {
  private constructor(private readonly p: z.output<typeof policySchema>) {}

  static parse(data: unknown, source = 'data-zone policy'): DataZonePolicy {
    const result = policySchema.safeParse(data);
    if (!result.success) {
      const problems = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
      throw new DataZonePolicyError(`${source} is invalid: ${problems.join('; ')}. Fix the file (see policy/data-zones.json for the shape).`);
    }
    return new DataZonePolicy(result.data);
  }

  static load(path: string): DataZonePolicy {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      throw new DataZonePolicyError(`Data-zone policy file ${path} cannot be read. Set DATA_ZONES_FILE to the path of a file shaped like policy/data-zones.json.`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new DataZonePolicyError(`Data-zone policy file ${path} is not valid JSON.`);
    }
    return DataZonePolicy.parse(json, path);
  }

  zoneOf(ref: ZoneRef): DataZone {
    const driveId = ref.driveId?.toLowerCase();
    if (driveId) {
      const drive = this.p.drives.find((d) => d.match.toLowerCase() === driveId);
      if (drive) return drive.zone;
    }
    if (ref.driveType === 'personal' || ref.driveType === 'business') return this.p.personalDriveZone;
    const siteId = ref.siteId?.toLowerCase();
    if (siteId) {
      const host = siteId.split(',')[0] ?? '';
      if (host.endsWith(this.p.personalSiteHostSuffix.toLowerCase())) return this.p.personalDriveZone;
      const collection = siteId.split(',')[1];
      const site = this.p.sites.find((s) => s.match.toLowerCase() === siteId || (collection !== undefined && s.match.toLowerCase() === collection));
      if (site) return site.zone;
    }
    return this.p.defaultSiteZone;
  }

  reachable(z: DataZone): boolean {
    return this.p.reach.includes(z);
  }

  get reach(): readonly DataZone[] {
    return this.p.reach;
  }
}

/** The most sensitive of the zones (undefined for none). */
export function highestZone(zones: Iterable<DataZone | undefined>): DataZone | undefined {
  let top: DataZone | undefined;
  for (const z of zones) if (z && (top === undefined || rank[z] > rank[top])) top = z;
  return top;
}
