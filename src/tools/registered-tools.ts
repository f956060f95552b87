// Registration in one place: every tool the agent offers the model is listed
// here (the shipped ones) or handed in at start-up (createAgentRuntime's
// `tools` option). The registry validates them all together, so a fork's tool
// gets exactly the checks the shipped ones get. See docs/extending.md.
import type { GraphClient } from '../graph/graph-client.js';
import { createGraphCaller } from './actions/graph-caller.js';
import type { GraphSettings } from '../graph/graph-settings.js';
import type { StateStore } from '../state/state-store.js';
import { createActionTools } from './actions/index.js';
import { createReadTools, readToolDepsFromSettings } from './read/create-read-tools.js';
import type { ToolContext, ToolDefinition } from './tool.js';

/** What a tool may use besides its arguments: Graph on behalf of the signed-in user. */
export interface ToolServices {
  /** A Graph client whose every request carries the user's token for exactly these scopes (declare them on the tool). */
  graph(ctx: ToolContext, scopes: string[]): GraphClient;
}

/** Builds a fork's tools once at start-up. */
export type ToolFactory = (services: ToolServices) => ToolDefinition[];

export function toolServices(graph: GraphSettings): ToolServices {
  // The same user-scoped adapter the shipped write tools use (timeout, retries, GraphRequestError).
  const caller = createGraphCaller({ baseUrl: graph.baseUrl, timeoutMs: graph.timeoutMs, maxRetries: graph.maxRetries, maxRetryAfterSec: graph.maxRetryAfterSec });
  return { graph: (ctx, scopes) => caller.client(ctx, scopes) };
}

/** The shipped tools followed by the fork's (names must stay unique: the registry refuses duplicates). */
export function registeredTools(graph: GraphSettings, state: StateStore, extra: readonly ToolFactory[] = []): ToolDefinition[] {
  const services = toolServices(graph);
  return [
    ...createReadTools({ ...readToolDepsFromSettings(graph), state }),
    ...createActionTools({ graphBaseUrl: graph.baseUrl, timeoutMs: graph.timeoutMs, maxRetries: graph.maxRetries, maxRetryAfterSec: graph.maxRetryAfterSec }),
    ...extra.flatMap((factory) => factory(services)),
  ];
}
