// list_site_pages: the pages of a SharePoint site the user is a member of,
// with their text. Sites.Read.All is the narrowest delegated scope for pages.
import { z } from 'zod/v4';
import { defineTool } from '../define-tool.js';
import type { SourceRef, ToolDefinition } from '../tool.js';
import { decodeEntities } from '../../graph/xml-text.js';
import { graphFor, requireText, withFriendlyFailures, type ReadToolDeps } from './read-tool-support.js';
import { readableSite } from './site-lookup.js';

interface SitePage {
  id: string;
  title?: string;
  description?: string;
  webUrl?: string;
  lastModifiedDateTime?: string;
  canvasLayout?: { horizontalSections?: Array<{ columns?: Array<{ webparts?: Array<{ innerHtml?: string }> }> }> };
}

const maxPages = 10;

export function listSitePagesTool(deps: ReadToolDeps): ToolDefinition {
  const scopes = ['Sites.Read.All'];
  return defineTool({
    name: 'list_site_pages',
    description: 'Lists the pages of a SharePoint site (by name or id) with their text.',
    arguments: z.object({ site: z.string().min(1).max(256).describe("Site name (e.g. 'Company Communications') or Graph site id") }),
    risk: 'read',
    scopes,
    results: 'as-marked',
    run: (args, ctx) =>
      withFriendlyFailures('list_site_pages', async () => {
        const siteArg = requireText(args, 'site');
        const graph = graphFor(deps, ctx, scopes);
        const found = await readableSite(deps, graph, 'list_site_pages', siteArg);
        if (found.refusal) return found.refusal;
        const { site, zone } = found;
        const pages = (await graph.get<{ value?: SitePage[] }>(`/sites/${site.id}/pages`)).value ?? [];
        const detailed: Array<{ id: string; title: string; description: string; text: string; webUrl?: string; modified?: string }> = [];
        for (const page of pages.slice(0, maxPages)) {
          const full = await graph.get<SitePage>(`/sites/${site.id}/pages/${encodeURIComponent(page.id)}/microsoft.graph.sitePage?$expand=canvasLayout`);
          const html = (full.canvasLayout?.horizontalSections ?? []).flatMap((s) => s.columns ?? []).flatMap((c) => c.webparts ?? []).map((w) => w.innerHtml ?? '').join(' ');
          detailed.push({ id: page.id, title: page.title ?? 'Untitled', description: page.description ?? '', text: htmlToText(html).slice(0, 2000), webUrl: page.webUrl, modified: page.lastModifiedDateTime });
        }
        if (detailed.length === 0) return { content: `${site.displayName ?? 'The site'} has no pages.`, untrusted: true, zone };
        const lines = [`Site: ${site.displayName ?? site.name ?? site.id} (zone: ${zone})`, ...detailed.map((p, i) => `${i + 1}. ${p.title} — ${p.description}\n   ${p.text}`)];
        if (pages.length > maxPages) lines.push(`(${pages.length - maxPages} more page(s) not shown.)`);
        // The pages' text went to the model: each page counts as read.
        const sources: SourceRef[] = detailed.map((p) => ({ kind: 'page', id: p.id, name: p.title, webUrl: p.webUrl, zone, modified: p.modified, read: true }));
        return { content: lines.join('\n'), untrusted: true, zone, data: { siteId: site.id, pages: detailed }, sources };
      }),
  });
}

/** Tags out, entities decoded. The tag pattern is bounded, so it stays linear. */
function htmlToText(html: string): string {
  return decodeEntities(html.replace(/<[^<>]{0,2000}>/g, ' ')).replace(/\s+/g, ' ').trim();
}
