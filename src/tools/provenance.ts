// Per-turn record of where the text in the model's context came from: what the
// user typed (trusted intent) and every piece of untrusted content (tool output,
// documents, mail). The policy uses it to decide whether a tool call could have
// been steered by untrusted text (information-flow control in the spirit of CaMeL).
import type { DataZone, ToolDefinition, ToolResult } from './tool.js';

export interface UntrustedText {
  /** Where it came from, e.g. "tool:read_file". Never shown to the model as an instruction. */
  source: string;
  zone?: DataZone;
  text: string;
}

/** Items a lookup tool found by a query: their ids are the user's choice when the query is the user's words. */
export interface NamedItems {
  query: string;
  ids: string[];
}

export interface TurnProvenance {
  /** The user's messages: the first is this turn's, the rest came before (same request or history). */
  userTexts: string[];
  untrusted: UntrustedText[];
  /** Items found by lookup tools; the policy decides whether their query came from the user. */
  namedItems: NamedItems[];
  /** True once any untrusted content entered the turn. */
  readonly tainted: boolean;
}

const ZONE_RANK: Record<DataZone, number> = { public: 0, internal: 1, confidential: 2 };

export function newTurnProvenance(userText: string): TurnProvenance {
  const provenance = {
    userTexts: [userText],
    untrusted: [] as UntrustedText[],
    namedItems: [] as NamedItems[],
    get tainted(): boolean {
      return provenance.untrusted.length > 0;
    },
  };
  return provenance;
}

/** Adds a user message of the same turn (e.g. a follow-up in the same request). */
export function recordUserText(p: TurnProvenance, text: string): void {
  p.userTexts.push(text);
}

/** Records untrusted content that entered the model context. Empty text still taints: the call happened. */
export function recordUntrusted(p: TurnProvenance, source: string, text: string, zone?: DataZone): void {
  p.untrusted.push(zone === undefined ? { source, text: String(text ?? '') } : { source, zone, text: String(text ?? '') });
}

/**
 * Records what a tool call brought into the turn: its untrusted output (taints
 * the turn; the content stays untrusted) and, for a tool declaring a lookup,
 * the ids of the items found together with the query that found them.
 */
export function recordToolOutput(p: TurnProvenance, tool: ToolDefinition, args: Record<string, unknown>, result: ToolResult): void {
  if (result.untrusted) recordUntrusted(p, tool.name, result.content, result.zone);
  const query = tool.lookup ? args[tool.lookup.queryArgument] : undefined;
  const ids = (result.found ?? []).filter((id): id is string => typeof id === 'string' && id !== '');
  if (typeof query === 'string' && ids.length > 0) p.namedItems.push({ query, ids });
}

/** Highest data zone that entered the turn; untrusted content of unknown zone counts as internal. */
export function highestZone(p: TurnProvenance): DataZone | undefined {
  let best: DataZone | undefined;
  for (const item of p.untrusted) {
    const zone = item.zone ?? 'internal';
    if (best === undefined || ZONE_RANK[zone] > ZONE_RANK[best]) best = zone;
  }
  return best;
}
