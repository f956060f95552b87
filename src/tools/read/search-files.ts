// search_files: finds the user's OneDrive and SharePoint files through the
// Microsoft Search API. Graph trims results to what the user may open;
// results from zones outside the policy's reach are dropped here.
import { z } from 'zod/v4';
import { defineTool } from '../define-tool.js';
import type { SourceRef, ToolDefinition } from '../tool.js';
import { highestZone } from '../../graph/data-zones.js';
import { formatLocalTime } from '../local-time.js';
import { graphFor, plainSummary, requireText, userKeyOf, withFriendlyFailures, zoneOf, type GraphParentReference, type ItemLocations, type ReadToolDeps } from './read-tool-support.js';

interface SearchHit {
  hitId?: string;
  summary?: string;
  resource?: { id?: string; name?: string; webUrl?: string; lastModifiedDateTime?: string; size?: number; parentReference?: GraphParentReference; lastModifiedBy?: { user?: { displayName?: string } } };
}
interface SearchResponse {
  value?: Array<{ hitsContainers?: Array<{ hits?: SearchHit[]; total?: number }> }>;
}

const maxResults = 15;

export function searchFilesTool(deps: ReadToolDeps, locations: ItemLocations): ToolDefinition {
  // Searching driveItems needs Files.Read.All (Files.Read does not cover the search API).
  const scopes = ['Files.Read.All'];
  return defineTool({
    name: 'search_files',
    description: "Searches the signed-in user's files in OneDrive and SharePoint (only files they can open). Use keywords, e.g. 'budget'.",
    arguments: z.object({ query: z.string().min(1).max(256).describe('Keywords to search for') }),
    risk: 'read',
    scopes,
    results: 'as-marked',
    // A file found by the user's own words is the file the user named (its content stays untrusted).
    lookup: { queryArgument: 'query' },
    run: (args, ctx) =>
      withFriendlyFailures('search_files', async () => {
        const query = requireText(args, 'query');
        const graph = graphFor(deps, ctx, scopes);
        const response = await graph.post<SearchResponse>('/search/query', { requests: [{ entityTypes: ['driveItem'], query: { queryString: query }, from: 0, size: 25 }] }, { idempotent: true });
        const hits = response.value?.[0]?.hitsContainers?.[0]?.hits ?? [];
        const results: Array<{ id: string; name: string; driveId?: string; zone: string; webUrl?: string; modified?: string; editedBy?: string; summary: string }> = [];
        let withheld = 0;
        for (const hit of hits) {
          const r = hit.resource;
          if (!r?.id || !r.name) continue;
          const zone = zoneOf(deps, r.parentReference);
          if (!deps.zones.reachable(zone)) {
            withheld++;
            continue;
          }
          results.push({ id: r.id, name: r.name, driveId: r.parentReference?.driveId, zone, webUrl: r.webUrl, modified: r.lastModifiedDateTime, editedBy: plainSummary(r.lastModifiedBy?.user?.displayName).slice(0, 100) || undefined, summary: plainSummary(hit.summary) });
          if (results.length >= maxResults) break;
        }
        await locations.remember(userKeyOf(ctx), results.flatMap((r) => (r.driveId ? [[r.id, r.driveId] as const] : [])));
        if (results.length === 0) {
          return { content: `No files matched the search${withheld ? ` in the zones the agent may reach (${withheld} result(s) withheld by the data-zone policy)` : ''}.`, untrusted: true, data: { results, withheld } };
        }
        // The drive id goes to the model with the file id: read_file needs both for a site library file.
        const lines = results.map(
          (f, i) => `${i + 1}. ${f.name} — fileId: ${f.id}${f.driveId ? `; driveId: ${f.driveId}` : ''}; zone: ${f.zone}; modified: ${formatLocalTime(f.modified, ctx.timeZone ?? 'UTC') ?? 'unknown'}${f.editedBy ? `; last edited by: ${f.editedBy}` : ''}${f.summary ? `; excerpt: ${f.summary}` : ''}`,
        );
        if (withheld) lines.push(`(${withheld} more result(s) withheld by the data-zone policy.)`);
        const found = results.flatMap((r) => (r.driveId ? [r.id, r.driveId] : [r.id]));
        const sources: SourceRef[] = results.map((r) => ({ kind: 'file', id: r.id, name: r.name, webUrl: r.webUrl, zone: r.zone as SourceRef['zone'], modified: r.modified, read: false }));
        return { content: lines.join('\n'), untrusted: true, zone: highestZone(results.map((r) => r.zone as 'public' | 'internal' | 'confidential')), data: { results, withheld }, found, sources };
      }),
  });
}
