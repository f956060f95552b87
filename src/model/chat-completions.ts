// Shared by the Azure OpenAI and OpenAI-compatible clients: translates our
// plain messages to the Chat Completions wire shape and back, and maps SDK
// failures to ModelError. Both clients are the `openai` SDK, so one mapping.
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  type OpenAI,
} from 'openai';
import type {
  ChatCompletion,
  ChatCompletionMessageParam,
  ChatCompletionTool,
} from 'openai/resources/chat/completions';
import { createLogger } from '../logging/logger.js';
import { ModelError } from './model-error.js';
import type { ChatMessage, ModelRequest, ModelResponse, ModelToolCall } from './model-types.js';

const log = createLogger('model');

type SdkLogFn = (message: string, ...rest: unknown[]) => void;
type SdkLogger = { debug: SdkLogFn; info: SdkLogFn; warn: SdkLogFn; error: SdkLogFn };

export function toWireMessages(messages: ChatMessage[]): ChatCompletionMessageParam[] {
  return messages.map((m): ChatCompletionMessageParam => {
    switch (m.role) {
      case 'system':
        return { role: 'system', content: m.content };
      case 'user':
        return { role: 'user', content: m.content };
      case 'tool':
        return { role: 'tool', tool_call_id: m.toolCallId, content: m.content };
      case 'assistant':
        return m.toolCalls && m.toolCalls.length > 0
          ? {
              role: 'assistant',
              content: m.content,
              tool_calls: m.toolCalls.map((c) => ({ id: c.id, type: 'function' as const, function: { name: c.name, arguments: c.arguments } })),
            }
          : { role: 'assistant', content: m.content ?? '' };
    }
  });
}

export function toWireTools(req: ModelRequest): ChatCompletionTool[] {
  return req.tools.map((t) => ({ type: 'function', function: { name: t.name, description: t.description, parameters: t.parameters } }));
}

/** Reads the first choice; anything that is not a chat completion becomes a bad-response error. */
export function fromWireCompletion(completion: ChatCompletion, fallbackModel: string): ModelResponse {
  const choice = Array.isArray(completion?.choices) ? completion.choices[0] : undefined;
  if (!choice || typeof choice.message !== 'object' || choice.message === null) {
    throw new ModelError('bad-response', 'The model endpoint returned a response without a message.');
  }
  if (choice.finish_reason === 'content_filter') {
    throw new ModelError('content-filtered', 'The model provider\'s content filter withheld the answer.');
  }
  const toolCalls: ModelToolCall[] = [];
  (choice.message.tool_calls ?? []).forEach((call, index) => {
    // Only function tools exist in this agent; custom tool calls are ignored, not executed.
    // Some local servers omit `type` or the id, or send arguments as an object: accept those shapes.
    const fn = (call as { function?: { name?: unknown; arguments?: unknown } }).function;
    if ((call.type !== undefined && call.type !== 'function') || typeof fn?.name !== 'string') return;
    const args = typeof fn.arguments === 'string' ? fn.arguments : fn.arguments && typeof fn.arguments === 'object' ? JSON.stringify(fn.arguments) : '';
    const id = typeof call.id === 'string' && call.id ? call.id : `call_auto_${index}`;
    toolCalls.push({ id, name: fn.name, arguments: args });
  });
  const content = typeof choice.message.content === 'string' ? stripReasoning(choice.message.content) : null;
  const usage = completion.usage
    ? { promptTokens: completion.usage.prompt_tokens ?? 0, completionTokens: completion.usage.completion_tokens ?? 0 }
    : undefined;
  return { content, toolCalls, model: typeof completion.model === 'string' && completion.model ? completion.model : fallbackModel, ...(usage ? { usage } : {}) };
}

/** Reasoning models served locally (Qwen, DeepSeek-R1 on Ollama) prefix answers with <think>…</think>. */
function stripReasoning(content: string): string {
  return content.replace(/^\s{0,100}<think>[\s\S]{0,200000}?<\/think>\s{0,100}/, '');
}

/** Maps any failure of the SDK call to a ModelError whose message never includes provider text. */
export function toModelError(err: unknown, providerName: string): ModelError {
  if (err instanceof ModelError) return err;
  if (err instanceof APIUserAbortError) return new ModelError('aborted', 'The model request was cancelled.');
  if (err instanceof APIConnectionTimeoutError) return new ModelError('timeout', `${providerName} did not answer in time (MODEL_TIMEOUT_MS).`, undefined, true);
  if (err instanceof APIConnectionError) return new ModelError('unavailable', `${providerName} could not be reached; check the endpoint setting and the network.`, undefined, true);
  if (err instanceof APIError) {
    const status = err.status;
    const code = typeof err.code === 'string' ? err.code : '';
    if (code === 'content_filter' || code === 'ResponsibleAIPolicyViolation') {
      return new ModelError('content-filtered', `${providerName} refused the request with its content filter.`, status);
    }
    if (status === 401 || status === 403) {
      return new ModelError('auth', `${providerName} rejected the credentials (${status}); check the API key or the identity's role (Cognitive Services OpenAI User).`, status);
    }
    if (status === 404) return new ModelError('not-found', `${providerName} has no such deployment or model (404); check the deployment / model name and the endpoint.`, status);
    if (status === 429) return new ModelError('rate-limited', `${providerName} is rate limiting requests (429) and retries were exhausted.`, status, true);
    if (status !== undefined && status >= 500) return new ModelError('unavailable', `${providerName} failed (${status}) and retries were exhausted.`, status, true);
    if (status !== undefined) return new ModelError('bad-request', `${providerName} rejected the request (${status}).`, status);
  }
  if (err instanceof Error && err.name === 'AbortError') return new ModelError('aborted', 'The model request was cancelled.');
  if (err instanceof Error && err.name === 'CredentialUnavailableError') {
    return new ModelError('auth', `${providerName}: no Entra credential is available; sign in with az login, set AZURE_CLIENT_ID for a managed identity, or set an API key.`);
  }
  if (err instanceof Error && err.name === 'AuthenticationError') {
    return new ModelError('auth', `${providerName}: getting an Entra token failed; check the identity and its role on the resource.`);
  }
  return new ModelError('bad-response', `${providerName} call failed unexpectedly.`);
}

/** Sends one chat completion through an `openai` SDK client (OpenAI or AzureOpenAI). */
export async function completeChat(client: OpenAI, model: string, req: ModelRequest, providerName: string): Promise<ModelResponse> {
  const tools = toWireTools(req);
  try {
    const completion = await client.chat.completions.create(
      {
        model,
        messages: toWireMessages(req.messages),
        // Some local servers reject an empty tools array, so send none at all.
        ...(tools.length > 0 ? { tools, tool_choice: 'auto' as const } : {}),
      },
      req.signal ? { signal: req.signal } : undefined,
    );
    return fromWireCompletion(completion, model);
  } catch (err) {
    const mapped = toModelError(err, providerName);
    log.warn('model call failed', { provider: providerName, code: mapped.code, status: mapped.status });
    throw mapped;
  }
}

/** Routes the SDK's own log lines into our scrubbed logger. */
export function sdkLogger(component: string): SdkLogger {
  const l = createLogger(component);
  const flatten = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a : '')).join(' ');
  return {
    debug: (...args: unknown[]) => l.debug(flatten(args)),
    info: (...args: unknown[]) => l.info(flatten(args)),
    warn: (...args: unknown[]) => l.warn(flatten(args)),
    error: (...args: unknown[]) => l.error(flatten(args)),
  };
}
