// Why a Content Safety call did not produce an answer. The reason goes into
// the verdict's `fallback` field, so it is a short fixed label.

export type ContentSafetyFailure = 'timeout' | 'throttled' | 'server-error' | 'malformed-response' | 'circuit-open' | 'unauthorized' | 'bad-request' | 'network';

export class ContentSafetyError extends Error {
  constructor(
    readonly reason: ContentSafetyFailure,
    message: string,
    readonly status?: number,
    /** Server-suggested wait before retrying (Retry-After), in ms. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ContentSafetyError';
  }

  get retryable(): boolean {
    return this.reason === 'throttled' || this.reason === 'server-error' || this.reason === 'network' || this.reason === 'malformed-response';
  }
}
