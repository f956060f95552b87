// Resolves the `site` argument of the SharePoint tools: a Graph site id, or a
// site name the user can see (via /sites?search=).
import type { GraphClient } from '../../graph/graph-client.js';
import { ToolArgumentError } from './read-tool-support.js';

export interface GraphSite {
  id: string;
  name?: string;
  displayName?: string;
  webUrl?: string;
}

const siteIdPattern = /^[A-Za-z0-9.-]{1,253},[0-9a-fA-F-]{36},[0-9a-fA-F-]{36}$/;

export async function findSite(graph: GraphClient, site: string): Promise<GraphSite | undefined> {
  if (siteIdPattern.test(site)) return graph.get<GraphSite>(`/sites/${site}`);
  if (site.length > 128 || /[\u0000-\u001f]/.test(site)) throw new ToolArgumentError('site must be a site name or a Graph site id.');
  const found = await graph.get<{ value?: GraphSite[] }>(`/sites?search=${encodeURIComponent(site)}`);
  const wanted = site.toLowerCase();
  const sites = found.value ?? [];
  return sites.find((s) => s.displayName?.toLowerCase() === wanted || s.name?.toLowerCase() === wanted) ?? sites[0];
}
