// The narrow interfaces the turn pipeline needs from each stage. The real
// implementations live in guard/, prompt/, model/, tools/, identity/ and audit/;
// agent-runtime.ts adapts them to these ports, so the pipeline depends on no
// module's internals and each stage can be replaced alone.
import type { TurnActor, TurnRecord } from '../audit/turn-record.js';
import type { ToolDefinition, ToolResult } from '../tools/tool.js';

export type GuardAction = 'allow' | 'mask' | 'block' | 'needs-review';

export interface GuardOutcome {
  action: GuardAction;
  /** Text to continue with (masked when action is mask). */
  text: string;
  verdicts: unknown[];
  /** Safe to show the user; reveals no detection details. */
  userMessage?: string;
}

export interface GuardScope {
  userId: string;
  tenantId?: string;
  conversationId: string;
  canary?: string;
  systemPrompt?: string;
}

export interface GuardPort {
  checkInput(text: string, scope: GuardScope): Promise<GuardOutcome>;
  checkDocument(text: string, scope: GuardScope): Promise<GuardOutcome>;
  checkOutput(text: string, scope: GuardScope): Promise<GuardOutcome>;
}

export interface PortToolCall {
  id: string;
  name: string;
  arguments: string;
}

export type PortMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string | null; toolCalls?: PortToolCall[] }
  | { role: 'tool'; toolCallId: string; content: string };

export interface ModelPort {
  readonly label: string;
  complete(req: { messages: PortMessage[]; tools: Array<{ name: string; description: string; parameters: Record<string, unknown> }>; signal?: AbortSignal }): Promise<{
    content: string | null;
    toolCalls: PortToolCall[];
    /** The model version the service answered with, e.g. gpt-4o-2024-08-06. */
    model?: string;
    usage?: { promptTokens: number; completionTokens: number };
  }>;
}

export interface PromptSession {
  /** The system prompt text for this conversation (its own message; never mixed with other text). */
  systemPrompt: string;
  /** Front-matter version plus a hash of the text, for the audit record. */
  systemPromptVersion?: string;
  canary: string;
  /** Initial messages: system prompt, then the user's text as a user message. */
  start(userText: string): PortMessage[];
  /** Wraps untrusted tool output so the model can tell data from instructions. */
  wrapUntrusted(content: string, source: string): string;
}

export interface PromptPort {
  /** The turn's prompt session, carrying the conversation's canary (shared by every instance). */
  session(conversationId: string): Promise<PromptSession>;
}

export interface PolicyVerdict {
  decision: 'allow' | 'needs-approval' | 'deny';
  rule: string;
  reason: string;
  flags: string[];
}

/** Per-turn provenance: what the user typed, which untrusted text entered the context and which items tools found. */
export interface ProvenancePort {
  readonly tainted: boolean;
  /** Records what one tool call returned (untrusted content taints the turn). */
  addToolOutput(tool: ToolDefinition, args: Record<string, unknown>, result: ToolResult): void;
}

export interface ToolsPort {
  list(): ToolDefinition[];
  get(name: string): ToolDefinition | undefined;
  parseArguments(tool: ToolDefinition, raw: string): { ok: true; args: Record<string, unknown> } | { ok: false; error: string };
  newProvenance(userText: string): ProvenancePort;
  decide(tool: ToolDefinition, args: Record<string, unknown>, provenance: ProvenancePort, actor: TurnActor): PolicyVerdict;
}

export interface UserTokenPort {
  /**
   * OBO token for exactly these scopes; throws SignInRequired-like errors (name === 'SignInRequiredError').
   * `claims`: a claims request from a resource's challenge, to be met by a fresh token.
   */
  getUserToken(actor: TurnActor, scopes: string[], options?: { claims?: string }): Promise<string>;
}

export interface AuditPort {
  write(record: TurnRecord): Promise<void>;
}

export type { ToolResult };
