// User-scoped Microsoft Graph over fetch, the one adapter of the read AND write
// tools: every request carries a delegated token of the signed-in user (never an
// app-only token), has a timeout, is retried only when a retry cannot repeat an
// effect (429 always; 503/504 only for idempotent requests), and failures become
// GraphRequestError.
import { claimsFromChallenge } from '../identity/claims-challenge.js';
import { ClaimsChallengeError } from '../identity/identity-errors.js';
import { createLogger } from '../logging/logger.js';
import { GraphRequestError, type GraphFailure } from './graph-errors.js';

const log = createLogger('graph');

export interface GraphClientOptions {
  /** e.g. https://graph.microsoft.com/v1.0 */
  baseUrl: string;
  /** The user's token for exactly the scopes of the calling tool. */
  getToken: () => Promise<string>;
  timeoutMs?: number;
  maxRetries?: number;
  /** Longest Retry-After honoured; a longer one fails fast as throttled. */
  maxRetryAfterSec?: number;
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

interface GraphRequestOptions {
  /**
   * Repeating the request cannot repeat an effect (a search, or a create Graph itself
   * de-duplicates, e.g. an event with a transactionId). GET, PUT and DELETE always are.
   */
  idempotent?: boolean;
}

export interface GraphClient {
  get<T>(path: string): Promise<T>;
  /** A POST is a write unless `idempotent` says otherwise: only a 429 (not processed) is retried. */
  post<T>(path: string, body: unknown, options?: GraphRequestOptions): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
  delete(path: string): Promise<void>;
  /** Downloads at most maxBytes; larger content fails with 'too-large'. */
  getBytes(path: string, maxBytes: number): Promise<{ bytes: Uint8Array; contentType: string }>;
}

export function createGraphClient(opts: GraphClientOptions): GraphClient {
  const base = opts.baseUrl.replace(/\/+$/, '');
  const doFetch = opts.fetch ?? fetch;
  const maxRetries = opts.maxRetries ?? 3;
  const maxRetryAfterSec = opts.maxRetryAfterSec ?? 30;

  async function send(method: string, path: string, body?: unknown, options: GraphRequestOptions = {}): Promise<Response> {
    if (!path.startsWith('/')) throw new Error('Graph paths start with /');
    const idempotent = options.idempotent ?? ['GET', 'PUT', 'DELETE'].includes(method);
    for (let attempt = 0; ; attempt++) {
      const token = await opts.getToken();
      const timeout = AbortSignal.timeout(opts.timeoutMs ?? 15_000);
      const signals = [timeout, ...(opts.signal ? [opts.signal] : [])];
      let res: Response;
      try {
        res = await doFetch(`${base}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
          body: body !== undefined ? JSON.stringify(body) : undefined,
          signal: AbortSignal.any(signals),
          redirect: 'follow',
        });
      } catch (err) {
        if (opts.signal?.aborted) throw err;
        // A write that timed out may still have been applied: callers treat 'timeout' as "outcome unknown".
        const failure = timeout.aborted ? 'timeout' : 'unavailable';
        log.warn('graph request failed', { method, path: redact(path), failure, error: err });
        throw new GraphRequestError(failure, 0);
      }
      // 429 means Graph did not process the request; a 503/504 on a write may have been applied.
      const retryable = res.status === 429 || (idempotent && (res.status === 503 || res.status === 504));
      if (retryable && attempt < maxRetries) {
        const waitSec = retryAfterSeconds(res.headers.get('retry-after'), attempt);
        await res.body?.cancel();
        if (waitSec > maxRetryAfterSec) throw new GraphRequestError('throttled', res.status);
        log.info('graph throttled, retrying', { method, path: redact(path), status: res.status, waitSec, attempt: attempt + 1 });
        await sleep(waitSec * 1000, opts.signal);
        continue;
      }
      if (!res.ok) {
        const claims = res.status === 401 ? claimsFromChallenge(res.headers.get('www-authenticate')) : undefined;
        const code = await errorCode(res);
        if (claims) {
          // Conditional access / CAE: the caller gets a token that meets the claims, or asks the user to sign in.
          log.info('graph sent a claims challenge', { method, path: redact(path), code });
          throw new ClaimsChallengeError(claims);
        }
        const failure = failureOf(res.status);
        log.warn('graph request refused', { method, path: redact(path), status: res.status, code });
        throw new GraphRequestError(failure, res.status, code);
      }
      return res;
    }
  }

  return {
    async get<T>(path: string) {
      return (await (await send('GET', path)).json()) as T;
    },
    async post<T>(path: string, body: unknown, options?: GraphRequestOptions) {
      return jsonOrNothing<T>(await send('POST', path, body, options));
    },
    async patch<T>(path: string, body: unknown) {
      return jsonOrNothing<T>(await send('PATCH', path, body));
    },
    async delete(path: string) {
      await (await send('DELETE', path)).body?.cancel();
    },
    async getBytes(path: string, maxBytes: number) {
      const res = await send('GET', path);
      const declared = Number(res.headers.get('content-length') ?? '0');
      if (declared > maxBytes) {
        await res.body?.cancel();
        throw new GraphRequestError('too-large', res.status);
      }
      const chunks: Uint8Array[] = [];
      let total = 0;
      // Streams with a running total, so a lying or absent Content-Length cannot exhaust memory.
      const reader = res.body?.getReader();
      while (reader) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
        if (total > maxBytes) {
          await reader.cancel();
          throw new GraphRequestError('too-large', res.status);
        }
        chunks.push(value);
      }
      return { bytes: Buffer.concat(chunks), contentType: res.headers.get('content-type') ?? 'application/octet-stream' };
    },
  };
}

async function jsonOrNothing<T>(res: Response): Promise<T> {
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

function failureOf(status: number): GraphFailure {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'access-denied';
  if (status === 404) return 'not-found';
  if (status === 429) return 'throttled';
  if (status === 400 || status === 422) return 'bad-request';
  if (status === 413) return 'too-large';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 423) return 'locked';
  return 'unavailable';
}

/** Retry-After in seconds (delta or HTTP date); exponential backoff when absent. */
function retryAfterSeconds(header: string | null, attempt: number): number {
  if (header) {
    const seconds = Number(header);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds;
    const at = Date.parse(header);
    if (!Number.isNaN(at)) return Math.max(0, (at - Date.now()) / 1000);
  }
  return Math.min(8, 2 ** attempt);
}

async function errorCode(res: Response): Promise<string | undefined> {
  try {
    const body = (await res.json()) as { error?: { code?: unknown } };
    return typeof body.error?.code === 'string' ? body.error.code.slice(0, 64) : undefined;
  } catch {
    return undefined;
  }
}

/** Paths may carry search terms or ids; keep the shape, not the values. */
function redact(path: string): string {
  return path.split('?')[0]!.slice(0, 120);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
}
