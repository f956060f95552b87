// list_list_items: the items of a SharePoint list in a site the user is a
// member of (Sites.Read.All).
import { z } from 'zod/v4';
import { defineTool } from '../define-tool.js';
import type { ToolDefinition } from '../tool.js';
import { graphFor, requireText, withFriendlyFailures, type ReadToolDeps } from './read-tool-support.js';
import { readableSite } from './site-lookup.js';

interface ListItem {
  id: string;
  webUrl?: string;
  fields?: Record<string, unknown>;
}

const maxItems = 50;
const hiddenFields = new Set(['@odata.etag', 'id', 'ContentType', 'Edit', 'LinkTitleNoMenu', 'LinkTitle', 'ItemChildCount', 'FolderChildCount', '_UIVersionString', 'Attachments', 'AppAuthorLookupId', 'AppEditorLookupId']);

export function listListItemsTool(deps: ReadToolDeps): ToolDefinition {
  const scopes = ['Sites.Read.All'];
  return defineTool({
    name: 'list_list_items',
    description: 'Lists the items of a SharePoint list (by list name or id) in a site (by name or id).',
    arguments: z.object({
      site: z.string().min(1).max(256).describe('Site name or Graph site id'),
      list: z.string().min(1).max(256).describe("List name (e.g. 'Announcements') or id"),
    }),
    risk: 'read',
    scopes,
    results: 'as-marked',
    run: (args, ctx) =>
      withFriendlyFailures('list_list_items', async () => {
        const siteArg = requireText(args, 'site');
        const listArg = requireText(args, 'list');
        const graph = graphFor(deps, ctx, scopes);
        const found = await readableSite(deps, graph, 'list_list_items', siteArg);
        if (found.refusal) return found.refusal;
        const { site, zone } = found;
        const items = (await graph.get<{ value?: ListItem[] }>(`/sites/${site.id}/lists/${encodeURIComponent(listArg)}/items?expand=fields&$top=${maxItems}`)).value ?? [];
        if (items.length === 0) return { content: `The list "${listArg}" in ${site.displayName ?? 'the site'} has no items.`, untrusted: true, zone };
        const lines = items.map((item, i) => {
          const fields = Object.entries(item.fields ?? {})
            .filter(([k]) => !hiddenFields.has(k))
            .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`.slice(0, 300));
          return `${i + 1}. ${fields.join('; ')}`;
        });
        return { content: [`List: ${listArg} in ${site.displayName ?? site.id} (zone: ${zone})`, ...lines].join('\n'), untrusted: true, zone, data: { siteId: site.id, items } };
      }),
  });
}
