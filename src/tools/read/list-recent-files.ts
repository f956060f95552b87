// list_recent_files: the user's recently used files. Files.Read is enough for
// /me/drive/recent (items from other drives come back as remote items).
import { z } from 'zod/v4';
import { defineTool } from '../define-tool.js';
import type { SourceRef, ToolDefinition } from '../tool.js';
import { highestZone } from '../../graph/data-zones.js';
import { formatLocalTime } from '../local-time.js';
import { graphFor, userKeyOf, withFriendlyFailures, zoneOf, type GraphParentReference, type ItemLocations, type ReadToolDeps } from './read-tool-support.js';

interface RecentItem {
  id?: string;
  name?: string;
  webUrl?: string;
  lastModifiedDateTime?: string;
  parentReference?: GraphParentReference;
  remoteItem?: { id?: string; name?: string; webUrl?: string; parentReference?: GraphParentReference; lastModifiedDateTime?: string };
}

export function listRecentFilesTool(deps: ReadToolDeps, locations: ItemLocations): ToolDefinition {
  const scopes = ['Files.Read'];
  return defineTool({
    name: 'list_recent_files',
    description: 'Lists the files the signed-in user used most recently.',
    arguments: z.object({}),
    risk: 'read',
    scopes,
    results: 'as-marked',
    run: (_args, ctx) =>
      withFriendlyFailures('list_recent_files', async () => {
        const graph = graphFor(deps, ctx, scopes);
        const response = await graph.get<{ value?: RecentItem[] }>('/me/drive/recent?$top=20');
        const files: Array<{ id: string; name: string; driveId?: string; zone: 'public' | 'internal' | 'confidential'; webUrl?: string; modified?: string }> = [];
        const seen: Array<[string, string]> = [];
        let withheld = 0;
        for (const entry of response.value ?? []) {
          const item = entry.remoteItem ?? entry;
          const id = item.id ?? entry.id;
          const name = item.name ?? entry.name;
          if (!id || !name) continue;
          const zone = zoneOf(deps, item.parentReference ?? entry.parentReference);
          if (!deps.zones.reachable(zone)) {
            withheld++;
            continue;
          }
          const driveId = (item.parentReference ?? entry.parentReference)?.driveId;
          if (driveId) seen.push([id, driveId]);
          files.push({ id, name, driveId, zone, webUrl: item.webUrl ?? entry.webUrl, modified: item.lastModifiedDateTime ?? entry.lastModifiedDateTime });
        }
        await locations.remember(userKeyOf(ctx), seen);
        if (files.length === 0) return { content: 'No recent files.', untrusted: false, data: { files, withheld } };
        const lines = files.map(
          (f, i) => `${i + 1}. ${f.name} — fileId: ${f.id}${f.driveId ? `; driveId: ${f.driveId}` : ''}; zone: ${f.zone}; modified: ${formatLocalTime(f.modified, ctx.timeZone ?? 'UTC') ?? 'unknown'}`,
        );
        if (withheld) lines.push(`(${withheld} more file(s) withheld by the data-zone policy.)`);
        const sources: SourceRef[] = files.map((f) => ({ kind: 'file', id: f.id, name: f.name, webUrl: f.webUrl, zone: f.zone, modified: f.modified, read: false }));
        return { content: lines.join('\n'), untrusted: true, zone: highestZone(files.map((f) => f.zone)), data: { files, withheld }, sources };
      }),
  });
}
