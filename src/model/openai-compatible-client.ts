// Any server speaking the OpenAI Chat Completions API by base URL: Ollama,
// vLLM, llama.cpp server, LiteLLM, or OpenAI itself.
import OpenAI from 'openai';
import { completeChat, sdkLogger } from './chat-completions.js';
import type { OpenAiCompatibleSettings } from './model-settings.js';
import type { ModelClient, ModelRequest, ModelResponse } from './model-types.js';

export interface OpenAiCompatibleClientOptions extends OpenAiCompatibleSettings {
  timeoutMs: number;
  maxRetries: number;
}

export function createOpenAiCompatibleClient(opts: OpenAiCompatibleClientOptions): ModelClient {
  const host = safeHost(opts.baseUrl);
  const sdk = new OpenAI({
    baseURL: opts.baseUrl,
    // The SDK insists on a key; keyless local servers get a placeholder and the
    // Authorization header is then removed below so no fake secret is sent.
    apiKey: opts.apiKey ?? 'unused',
    ...(opts.apiKey ? {} : { defaultHeaders: { Authorization: null } }),
    timeout: opts.timeoutMs,
    maxRetries: opts.maxRetries,
    logger: sdkLogger('model.sdk'),
    logLevel: 'warn',
    // Never pick up OPENAI_ORG_ID / OPENAI_PROJECT_ID from the environment implicitly.
    organization: null,
    project: null,
  });
  const label = `openai-compatible ${opts.model} @ ${host}`;
  return {
    provider: 'openai-compatible',
    label,
    complete: (req: ModelRequest): Promise<ModelResponse> => completeChat(sdk, opts.model, req, 'The OpenAI-compatible endpoint'),
  };
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'invalid-url';
  }
}
