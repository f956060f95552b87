// Resolves the `site` argument of the SharePoint tools: a Graph site id, or a
// site name the user can see (via /sites?search=).
import type { GraphClient } from '../../graph/graph-client.js';
import type { DataZone, ToolResult } from '../tool.js';
import { ToolArgumentError, zoneOf, type ReadToolDeps } from './read-tool-support.js';

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

/** The site a SharePoint tool was asked for and its data zone, or the reply that says why the tool may not read it. */
export async function readableSite(
  deps: ReadToolDeps,
  graph: GraphClient,
  tool: string,
  siteArg: string,
): Promise<{ site: GraphSite; zone: DataZone; refusal?: undefined } | { refusal: ToolResult }> {
  const site = await findSite(graph, siteArg);
  if (!site) return { refusal: { content: `${tool}: there is no site with that name that you can access.`, untrusted: false } };
  const zone = zoneOf(deps, { siteId: site.id });
  if (!deps.zones.reachable(zone)) return { refusal: { content: `${tool}: that site is in the ${zone} zone, which this agent may not read.`, untrusted: false, data: { error: 'zone_not_reachable', zone } } };
  return { site, zone };
}
