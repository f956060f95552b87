// The ports the turn pipeline needs from each stage. Where a module's own type
// is the contract (guard, model, prompt session, policy decision, history) it is
// used as is; a port is declared here only where it hides a real boundary: the
// policy's full provenance record, the user's tokens, approvals and the audit.
import type { TurnActor, TurnRecord } from '../audit/turn-record.js';
import type { GuardEngine } from '../guard/guard-types.js';
import type { ModelClient } from '../model/model-types.js';
import type { PromptSession as ConversationPromptSession } from '../prompt/prompt-session.js';
import type { ConversationHistory, HistoryTurn } from '../state/conversation-history.js';
import type { PolicyDecision } from '../tools/tool-policy.js';
import type { ToolDefinition, ToolResult } from '../tools/tool.js';

export type GuardPort = Pick<GuardEngine, 'checkInput' | 'checkDocument' | 'checkOutput'>;

export type ModelPort = Pick<ModelClient, 'label' | 'complete'>;

/** What a turn uses of the prompt layer's session. */
export type PromptSession = Pick<ConversationPromptSession, 'systemPrompt' | 'systemPromptVersion' | 'canary' | 'start' | 'wrapUntrusted'>;

export interface PromptPort {
  /** The turn's prompt session, carrying the conversation's canary (shared by every instance). */
  session(conversationId: string): Promise<PromptSession>;
}

/** The conversation's history in the shared state store. */
export type HistoryPort = Pick<ConversationHistory, 'load' | 'append'>;

/**
 * Provenance of one turn: what the user typed, which untrusted text entered the
 * context and which items tools found. It hides the policy's full record.
 */
export interface ProvenancePort {
  readonly tainted: boolean;
  /** Records what one tool call returned (untrusted content taints the turn). */
  addToolOutput(tool: ToolDefinition, args: Record<string, unknown>, result: ToolResult): void;
}

export interface ToolsPort {
  list(): ToolDefinition[];
  get(name: string): ToolDefinition | undefined;
  parseArguments(tool: ToolDefinition, raw: string): { ok: true; args: Record<string, unknown> } | { ok: false; error: string };
  /**
   * A turn's provenance, starting from the earlier turns the model sees: their user
   * texts stay the user's, their untrusted results (and the answers of tainted turns)
   * stay untrusted with their zone, so the taint follows the data across turns.
   */
  newProvenance(userText: string, earlier?: HistoryTurn[]): ProvenancePort;
  decide(tool: ToolDefinition, args: Record<string, unknown>, provenance: ProvenancePort, actor: TurnActor): PolicyDecision;
}

export interface UserTokenPort {
  /**
   * OBO token for exactly these scopes; throws SignInRequired-like errors (name === 'SignInRequiredError').
   * `claims`: a claims request from a resource's challenge, to be met by a fresh token.
   */
  getUserToken(actor: TurnActor, scopes: string[], options?: { claims?: string }): Promise<string>;
}

/** Holds a tool call for a person's decision: an approver's (approval) or the user's own (confirmation). */
export interface ApprovalsPort {
  hold(request: { kind: 'approval' | 'confirmation'; actor: TurnActor; tool: ToolDefinition; args: Record<string, unknown>; rule: string; reason: string; turnId: string }): Promise<{ id: string }>;
}

export interface AuditPort {
  write(record: TurnRecord): Promise<void>;
}
