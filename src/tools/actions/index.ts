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
}

export function createActionTools(deps: ActionToolDeps): ToolDefinition[] {
  const graph = createGraphCaller({ baseUrl: deps.graphBaseUrl });
  return [sendMailTool(graph), createSharingLinkTool(graph), deleteFileTool(graph), createEventTool(graph)];
}

export { GraphRefusal } from './graph-caller.js';
