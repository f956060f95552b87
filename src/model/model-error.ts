// Typed model failure with a message safe to log and to map to a user reply.
// It never carries the provider's raw error text: that can echo keys, prompt
// fragments or tenant details.

export type ModelErrorCode =
  | 'auth' // 401/403: wrong key, missing role assignment
  | 'not-found' // 404: wrong deployment / model / base URL
  | 'rate-limited' // 429 after the SDK's retries
  | 'bad-request' // 400/422: the request was rejected
  | 'content-filtered' // Azure content filter refused the prompt or the answer
  | 'unavailable' // 5xx after retries, or the endpoint is unreachable
  | 'timeout'
  | 'aborted'
  | 'bad-response'; // the endpoint answered something that is not a chat completion

export class ModelError extends Error {
  override readonly name = 'ModelError';
  constructor(
    readonly code: ModelErrorCode,
    message: string,
    readonly status?: number,
    /** True when trying again later may succeed (rate limit, outage, timeout). */
    readonly retryable = false,
  ) {
    super(message);
  }
}
