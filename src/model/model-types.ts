// The one interface every model client implements. Plain data only, so the
// turn pipeline, the evaluator and the tests never see an SDK type.

export type ChatMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string | null; toolCalls?: ModelToolCall[] }
  | { role: 'tool'; toolCallId: string; content: string };

export interface ModelToolSpec {
  name: string;
  description: string;
  /** JSON Schema of the arguments (OpenAI function-calling parameters). */
  parameters: Record<string, unknown>;
}

export interface ModelToolCall {
  id: string;
  name: string;
  /** Raw JSON text from the model: untrusted, parse and validate before use. */
  arguments: string;
}

export interface ModelRequest {
  messages: ChatMessage[];
  tools: ModelToolSpec[];
  signal?: AbortSignal;
}

export interface ModelResponse {
  content: string | null;
  toolCalls: ModelToolCall[];
  model: string;
  usage?: { promptTokens: number; completionTokens: number };
}

export type ModelProvider = 'azure-openai' | 'openai-compatible' | 'offline' | 'obedient';

export interface ModelClient {
  readonly provider: ModelProvider;
  /** Human-readable name for logs, audit and the README (never a secret). */
  readonly label: string;
  complete(req: ModelRequest): Promise<ModelResponse>;
}
