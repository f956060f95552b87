// Azure AI Content Safety adapter on Microsoft's REST SDK
// (@azure-rest/ai-content-safety): text:analyze for harm categories and
// text:shieldPrompt for prompt / document attacks, api-version 2024-09-01.
// Keyless by default (managed identity / DefaultAzureCredential), key optional.
// Own retry (429 / 5xx with backoff, honouring Retry-After) inside one time
// budget, and a circuit breaker; callers fall back to local guards on error.
import createContentSafetyClient, { type ContentSafetyClient } from '@azure-rest/ai-content-safety';
import { DefaultAzureCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import { z } from 'zod';
import { createLogger } from '../../logging/logger.js';
import type { ContentSafetySettings } from '../guard-settings.js';
import { CircuitBreaker } from './circuit-breaker.js';
import { ContentSafetyError } from './content-safety-error.js';

export const contentSafetyApiVersion = '2024-09-01';
/** Service input limits (characters per text / prompt, documents per shieldPrompt request). */
export const analyzeTextMaxChars = 10_000;
export const shieldPromptMaxChars = 10_000;
export const shieldPromptMaxDocuments = 5;

export type AzureHarmCategory = 'Hate' | 'Sexual' | 'Violence' | 'SelfHarm';

const analyzeResponse = z.object({
  categoriesAnalysis: z.array(z.object({ category: z.string(), severity: z.number().int().min(0).max(7).optional() })),
});
const shieldResponse = z.object({
  userPromptAnalysis: z.object({ attackDetected: z.boolean() }).optional(),
  documentsAnalysis: z.array(z.object({ attackDetected: z.boolean() })).optional(),
});
const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string().optional() }) });

export interface ContentSafetyClientOptions {
  /** Overrides the credential chosen from settings (e.g. a workload identity credential). */
  credential?: TokenCredential;
  /** Base delay of the exponential backoff. */
  retryBaseDelayMs?: number;
  now?: () => number;
}

export interface ShieldPromptResult {
  userAttack: boolean;
  documentAttacks: boolean[];
}

const log = createLogger('guard.azure-content-safety');

export class AzureContentSafety {
  readonly breaker: CircuitBreaker;
  private readonly client: ContentSafetyClient;
  private readonly retryBaseDelayMs: number;

  constructor(private readonly settings: ContentSafetySettings, options: ContentSafetyClientOptions = {}) {
    const credential = settings.key
      ? { key: settings.key }
      : options.credential ??
        (settings.managedIdentityClientId ? new ManagedIdentityCredential({ clientId: settings.managedIdentityClientId }) : new DefaultAzureCredential());
    // The SDK's own retries are off: ours keep every attempt inside one time budget.
    this.client = createContentSafetyClient(settings.endpoint, credential, { apiVersion: contentSafetyApiVersion, retryOptions: { maxRetries: 0 } });
    this.breaker = new CircuitBreaker({ failureThreshold: settings.breakerFailures, cooldownMs: settings.breakerCooldownMs, now: options.now });
    this.retryBaseDelayMs = options.retryBaseDelayMs ?? 100;
  }

  /** Highest severity per category (0-7 scale; FourSeverityLevels gives 0/2/4/6). */
  async analyzeText(text: string): Promise<Record<AzureHarmCategory, number>> {
    const body = await this.call('/text:analyze', { text: text.slice(0, analyzeTextMaxChars), outputType: 'FourSeverityLevels' });
    const parsed = analyzeResponse.safeParse(body);
    if (!parsed.success) throw new ContentSafetyError('malformed-response', 'text:analyze returned an unexpected body');
    const result: Record<AzureHarmCategory, number> = { Hate: 0, Sexual: 0, Violence: 0, SelfHarm: 0 };
    for (const c of parsed.data.categoriesAnalysis) {
      if (c.category in result) result[c.category as AzureHarmCategory] = Math.max(result[c.category as AzureHarmCategory], c.severity ?? 0);
    }
    return result;
  }

  /** One shieldPrompt request: a user prompt and/or up to five documents within the service limits. */
  async shieldPrompt(input: { userPrompt?: string; documents?: string[] }): Promise<ShieldPromptResult> {
    const documents = (input.documents ?? []).slice(0, shieldPromptMaxDocuments);
    const body: Record<string, unknown> = { userPrompt: (input.userPrompt ?? '').slice(0, shieldPromptMaxChars) };
    if (documents.length > 0) body.documents = documents;
    const response = await this.call('/text:shieldPrompt', body);
    const parsed = shieldResponse.safeParse(response);
    if (!parsed.success) throw new ContentSafetyError('malformed-response', 'text:shieldPrompt returned an unexpected body');
    const documentAttacks = (parsed.data.documentsAnalysis ?? []).map((d) => d.attackDetected);
    if (documentAttacks.length !== documents.length) throw new ContentSafetyError('malformed-response', 'text:shieldPrompt returned a different number of document results');
    return { userAttack: parsed.data.userPromptAnalysis?.attackDetected ?? false, documentAttacks };
  }

  private async call(path: '/text:analyze' | '/text:shieldPrompt', body: Record<string, unknown>): Promise<unknown> {
    if (!this.breaker.tryAcquire()) throw new ContentSafetyError('circuit-open', 'Content Safety circuit is open after repeated failures');
    const deadline = Date.now() + this.settings.timeoutMs;
    let attempt = 0;
    for (;;) {
      try {
        const result = await this.attempt(path, body, deadline);
        this.breaker.recordSuccess();
        return result;
      } catch (err) {
        const error = err instanceof ContentSafetyError ? err : new ContentSafetyError('network', 'Content Safety request failed');
        const delay = Math.min(error.retryAfterMs ?? this.retryBaseDelayMs * 2 ** attempt, 10_000);
        const canRetry = error.retryable && attempt < this.settings.maxRetries && Date.now() + delay < deadline;
        if (!canRetry) {
          // Client errors say nothing about the service's health.
          if (error.reason !== 'bad-request') this.breaker.recordFailure();
          else this.breaker.recordSuccess();
          log.warn('content safety call failed', { path, reason: error.reason, status: error.status, attempts: attempt + 1 });
          throw error;
        }
        attempt++;
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  private async attempt(path: '/text:analyze' | '/text:shieldPrompt', body: Record<string, unknown>, deadline: number): Promise<unknown> {
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new ContentSafetyError('timeout', 'Content Safety time budget spent');
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), remaining);
    try {
      const response = await this.client.pathUnchecked(path).post({ body, abortSignal: abort.signal });
      const status = Number(response.status);
      if (status === 200) return response.body;
      const retryAfter = Number(response.headers['retry-after']);
      const retryAfterMs = Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter * 1000 : undefined;
      const code = errorBody.safeParse(response.body).success ? (response.body as z.infer<typeof errorBody>).error.code : 'unknown';
      if (status === 429) throw new ContentSafetyError('throttled', `throttled (${code})`, status, retryAfterMs);
      if (status === 401 || status === 403) throw new ContentSafetyError('unauthorized', `not authorised (${code})`, status);
      if (status >= 500) throw new ContentSafetyError('server-error', `server error (${code})`, status, retryAfterMs);
      throw new ContentSafetyError('bad-request', `request rejected (${code})`, status);
    } catch (err) {
      if (err instanceof ContentSafetyError) throw err;
      if (abort.signal.aborted) throw new ContentSafetyError('timeout', 'Content Safety did not answer in time');
      const name = (err as Error).name;
      // Body parse failures surface as RestError with code PARSE_ERROR; never log their message (it holds the body).
      if ((err as { code?: string }).code === 'PARSE_ERROR' || name === 'SyntaxError') throw new ContentSafetyError('malformed-response', 'Content Safety answered with malformed JSON');
      throw new ContentSafetyError('network', `Content Safety unreachable (${name})`);
    } finally {
      clearTimeout(timer);
    }
  }
}
