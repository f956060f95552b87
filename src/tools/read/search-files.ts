// search_files: finds the user's OneDrive and SharePoint files through the
// Microsoft Search API. Graph trims results to what the user may open;
// results from zones outside the policy's reach are dropped here.
import type { ToolDefinition } from '../tool.js';
import { highestZone } from '../../graph/data-zones.js';
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
  return {
    name: 'search_files',
    description: "Searches the signed-in user's files in OneDrive and SharePoint (only files they can open). Use keywords, e.g. 'budget'.",
    parameters: {
      type: 'object',
      properties: { query: { type: 'string', description: 'Keywords to search for', minLength: 1, maxLength: 256 } },
      required: ['query'],
      additionalProperties: false,
    },
    risk: 'read',
    scopes,
    // A file found by the user's own words is the file the user named (its content stays untrusted).
    lookup: { queryArgument: 'query' },
    run: (args, ctx) =>
      withFriendlyFailures('search_files', async () => {
        const query = requireText(args, 'query');
        const graph = graphFor(deps, ctx, scopes);
        const response = await graph.post<SearchResponse>('/search/query', { requests: [{ entityTypes: ['driveItem'], query: { queryString: query }, from: 0, size: 25 }] });
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
        const lines = results.map((f, i) => `${i + 1}. ${f.name} — fileId: ${f.id}; zone: ${f.zone}; modified: ${f.modified ?? 'unknown'}${f.editedBy ? `; last edited by: ${f.editedBy}` : ''}${f.summary ? `; excerpt: ${f.summary}` : ''}`);
        if (withheld) lines.push(`(${withheld} more result(s) withheld by the data-zone policy.)`);
        const found = results.flatMap((r) => (r.driveId ? [r.id, r.driveId] : [r.id]));
        return { content: lines.join('\n'), untrusted: true, zone: highestZone(results.map((r) => r.zone as 'public' | 'internal' | 'confidential')), data: { results, withheld }, found };
      }),
  };
}
