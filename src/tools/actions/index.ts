// The write tools (real side effects in Microsoft 365), for the tool registry.
import type { ToolDefinition } from '../tool.js';
import { createEventTool } from './create-event.js';
import { createSharingLinkTool } from './create-sharing-link.js';
import { deleteFileTool } from './delete-file.js';
import { createGraphCaller } from './graph-caller.js';
import { sendMailTool } from './send-mail.js';

export interface ActionToolDeps {
  /** Graph base URL including the version, e.g. https://graph.microsoft.com/v1.0 (settings: GRAPH_BASE_URL). */
  graphBaseUrl: string;
  /** The same limits as the read tools (settings: GRAPH_TIMEOUT_MS, GRAPH_MAX_RETRIES, GRAPH_MAX_RETRY_AFTER_SEC). */
  timeoutMs?: number;
  maxRetries?: number;
  maxRetryAfterSec?: number;
  fetch?: typeof fetch;
}

export function createActionTools(deps: ActionToolDeps): ToolDefinition[] {
  const graph = createGraphCaller({ baseUrl: deps.graphBaseUrl, timeoutMs: deps.timeoutMs, maxRetries: deps.maxRetries, maxRetryAfterSec: deps.maxRetryAfterSec, fetch: deps.fetch });
  return [sendMailTool(graph), createSharingLinkTool(graph), deleteFileTool(graph), createEventTool(graph)];
}
