// The user-scoped read tools, ready for the tool registry.
import type { ToolDefinition } from '../tool.js';
import { DataZonePolicy } from '../../graph/data-zones.js';
import type { GraphSettings } from '../../graph/graph-settings.js';
import { listListItemsTool } from './list-list-items.js';
import { listRecentFilesTool } from './list-recent-files.js';
import { listSitePagesTool } from './list-site-pages.js';
import { ItemLocations, type ReadToolDeps } from './read-tool-support.js';
import { readFileTool } from './read-file.js';
import { searchFilesTool } from './search-files.js';
import { whoAmITool } from './who-am-i.js';
import { MemoryStateStore } from '../../state/memory-state-store.js';

export type { ReadToolDeps } from './read-tool-support.js';

export function createReadTools(deps: ReadToolDeps): ToolDefinition[] {
  const locations = new ItemLocations(deps.state ?? new MemoryStateStore());
  return [whoAmITool(deps), searchFilesTool(deps, locations), readFileTool(deps, locations), listRecentFilesTool(deps, locations), listSitePagesTool(deps), listListItemsTool(deps)];
}

/** Deps from the graph settings section (GRAPH_* and DATA_ZONES_FILE). */
export function readToolDepsFromSettings(graph: GraphSettings): ReadToolDeps {
  return {
    graphBaseUrl: graph.baseUrl,
    zones: DataZonePolicy.load(graph.dataZonesFile),
    maxFileBytes: graph.maxFileBytes,
    maxTextChars: graph.maxTextChars,
    timeoutMs: graph.timeoutMs,
    maxRetries: graph.maxRetries,
    maxRetryAfterSec: graph.maxRetryAfterSec,
  };
}
