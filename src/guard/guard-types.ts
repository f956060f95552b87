// Plain data shapes of the guard engine's public contract. No SDK types here:
// the turn pipeline, the audit log and the evaluator all consume these.

export type GuardAction = 'allow' | 'mask' | 'block' | 'needs-review';

/** A finding located in the RAW text the caller passed in (end exclusive). */
export interface GuardSpan {
  type: string;
  start: number;
  end: number;
}

export interface GuardVerdict {
  guard: string;
  action: GuardAction;
  category: string;
  score: number;
  spans: GuardSpan[];
  /** Rule ids and type labels only: verdicts go to the audit log, so never raw text. */
  evidence: string[];
  provider: 'local' | 'azure';
  /** Set when a remote provider failed and the local one answered instead (or the fail mode applied). */
  fallback?: string;
}

export interface GuardDecision {
  action: GuardAction;
  /** The text to use downstream: masked / links removed when action is mask, unchanged otherwise. */
  text: string;
  verdicts: GuardVerdict[];
  /** Safe to show to the user: never says which guard fired or why. */
  userMessage?: string;
}

export interface GuardContext {
  userId: string;
  tenantId?: string;
  conversationId: string;
  /** Per-conversation canary planted in the system prompt; seeing it in output means a leak. */
  canary?: string;
  systemPrompt?: string;
}

export interface GuardEngine {
  /** User channel: limits, rate, injection, harm, DLP. */
  checkInput(text: string, ctx: GuardContext): Promise<GuardDecision>;
  /** Untrusted content channel (documents, mail, tool output): document injection, DLP, harm. */
  checkDocument(text: string, ctx: GuardContext): Promise<GuardDecision>;
  /** Model output: DLP masking, canary / system-prompt leak, exfiltration links, harm. */
  checkOutput(text: string, ctx: GuardContext): Promise<GuardDecision>;
}

/** Severity order used to combine verdicts: the strictest action wins. */
export const actionRank: Record<GuardAction, number> = { allow: 0, mask: 1, 'needs-review': 2, block: 3 };

export function strictest(a: GuardAction, b: GuardAction): GuardAction {
  return actionRank[a] >= actionRank[b] ? a : b;
}
