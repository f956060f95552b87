// Per-turn record of where the text in the model's context came from: what the
// user typed (trusted intent) and every piece of untrusted content (tool output,
// documents, mail). The policy uses it to decide whether a tool call could have
// been steered by untrusted text (information-flow control in the spirit of CaMeL).
import type { DataZone } from './tool.js';

export interface UntrustedText {
  /** Where it came from, e.g. "tool:read_file". Never shown to the model as an instruction. */
  source: string;
  zone?: DataZone;
  text: string;
}

export interface TurnProvenance {
  userTexts: string[];
  untrusted: UntrustedText[];
  /** True once any untrusted content entered the turn. */
  readonly tainted: boolean;
}

const ZONE_RANK: Record<DataZone, number> = { public: 0, internal: 1, confidential: 2 };

export function newTurnProvenance(userText: string): TurnProvenance {
  const provenance = {
    userTexts: [userText],
    untrusted: [] as UntrustedText[],
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

/** Highest data zone that entered the turn; untrusted content of unknown zone counts as internal. */
export function highestZone(p: TurnProvenance): DataZone | undefined {
  let best: DataZone | undefined;
  for (const item of p.untrusted) {
    const zone = item.zone ?? 'internal';
    if (best === undefined || ZONE_RANK[zone] > ZONE_RANK[best]) best = zone;
  }
  return best;
}
