// Local stand-in for Azure AI Content Safety's text REST API (dev and tests
// only, never shipped). Same paths, api-version check, request and response
// JSON and error shape ({error:{code,message}}) as the service, with a simple
// term-based "model" and fault injection (429 + Retry-After, 500, malformed
// JSON, hang) set through constructor options or POST /admin/faults.
// Serves HTTPS with the dev CA (clients trust it via scripts/with-dev-ca.ts),
// because the Azure SDK refuses plain HTTP and bearer tokens need TLS.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { ensureDevTls } from '../tls/dev-tls.js';

export type EmulatorFault = 'none' | 'throttle' | 'server-error' | 'malformed-json' | 'hang';
export type EmulatorCategory = 'Hate' | 'Sexual' | 'Violence' | 'SelfHarm';

export interface EmulatorRules {
  /** Lower-case terms that make shieldPrompt report an attack. */
  attackTerms: string[];
  /** Lower-case terms that give text:analyze a severity in a category. */
  harmTerms: Array<{ term: string; category: EmulatorCategory; severity: 0 | 2 | 4 | 6 }>;
}

export interface FaultSettings {
  fault: EmulatorFault;
  /** How many requests the fault applies to (then it clears); omit for every request. */
  count?: number;
  retryAfterSeconds?: number;
}

export interface ContentSafetyEmulatorOptions {
  /** Port to listen on (default 0: ephemeral), always on 127.0.0.1. */
  port?: number;
  /** Subscription key to accept; Bearer tokens are accepted when `acceptBearer` is true. */
  key?: string;
  acceptBearer?: boolean;
  rules?: Partial<EmulatorRules>;
  faults?: FaultSettings;
}

export interface RecordedRequest {
  path: string;
  apiVersion: string | null;
  auth: 'key' | 'bearer' | 'none';
  body: unknown;
}

export interface RunningContentSafetyEmulator {
  /** Endpoint to configure as CONTENT_SAFETY_ENDPOINT (no /contentsafety suffix, like the real resource URL). */
  endpoint: string;
  key: string;
  requests: RecordedRequest[];
  setFaults(faults: FaultSettings): void;
  setRules(rules: Partial<EmulatorRules>): void;
  close(): Promise<void>;
}

const supportedApiVersions = new Set(['2023-10-01', '2024-09-01']);
const maxTextChars = 10_000;
const maxDocuments = 5;

const defaultRules: EmulatorRules = {
  attackTerms: ['ignore all previous instructions', 'ignore previous instructions', 'you are now dan', 'developer mode enabled'],
  harmTerms: [],
};

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { error: { code, message } }, headers);
}

async function readBody(req: IncomingMessage, limit = 1_000_000): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startContentSafetyEmulator(options: ContentSafetyEmulatorOptions = {}): Promise<RunningContentSafetyEmulator> {
  const key = options.key ?? 'emulator-key';
  let rules: EmulatorRules = { ...defaultRules, ...options.rules };
  let faults: FaultSettings = options.faults ?? { fault: 'none' };
  const requests: RecordedRequest[] = [];
  const hanging = new Set<ServerResponse>();

  const takeFault = (): FaultSettings => {
    const current = faults;
    if (current.fault === 'none') return current;
    if (current.count !== undefined) {
      faults = current.count <= 1 ? { fault: 'none' } : { ...current, count: current.count - 1 };
    }
    return current;
  };

  const analyze = (text: string) => {
    const lower = text.toLowerCase();
    const severity: Record<EmulatorCategory, number> = { Hate: 0, Sexual: 0, Violence: 0, SelfHarm: 0 };
    for (const rule of rules.harmTerms) if (lower.includes(rule.term)) severity[rule.category] = Math.max(severity[rule.category], rule.severity);
    return {
      blocklistsMatch: [],
      categoriesAnalysis: (Object.keys(severity) as EmulatorCategory[]).map((category) => ({ category, severity: severity[category] })),
    };
  };
  const isAttack = (text: string) => rules.attackTerms.some((t) => text.toLowerCase().includes(t));

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://emulator');
    if (url.pathname === '/admin/faults' && req.method === 'POST') {
      faults = JSON.parse(await readBody(req)) as FaultSettings;
      return sendJson(res, 200, { faults });
    }
    if (url.pathname === '/admin/rules' && req.method === 'POST') {
      rules = { ...rules, ...(JSON.parse(await readBody(req)) as Partial<EmulatorRules>) };
      return sendJson(res, 200, { rules });
    }
    const route = url.pathname === '/contentsafety/text:analyze' ? 'analyze' : url.pathname === '/contentsafety/text:shieldPrompt' ? 'shield' : undefined;
    if (!route) return sendError(res, 404, 'NotFound', 'Resource not found.');
    if (req.method !== 'POST') return sendError(res, 405, 'MethodNotAllowed', 'Only POST is supported.');
    const apiVersion = url.searchParams.get('api-version');
    const authorization = req.headers['authorization'];
    const auth: RecordedRequest['auth'] = req.headers['ocp-apim-subscription-key'] ? 'key' : typeof authorization === 'string' && authorization.startsWith('Bearer ') ? 'bearer' : 'none';
    const raw = await readBody(req);
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      body = undefined;
    }
    requests.push({ path: url.pathname, apiVersion, auth, body });

    if (!apiVersion) return sendError(res, 400, 'MissingApiVersionParameter', "The api-version query parameter (?api-version=) is required for all requests.");
    if (!supportedApiVersions.has(apiVersion)) return sendError(res, 400, 'UnsupportedApiVersion', `The HTTP resource does not support the API version '${apiVersion}'.`);
    const keyOk = auth === 'key' && req.headers['ocp-apim-subscription-key'] === key;
    const bearerOk = auth === 'bearer' && options.acceptBearer === true;
    if (!keyOk && !bearerOk) return sendError(res, 401, 'Unauthorized', 'Access denied due to invalid subscription key or wrong API endpoint.');

    const fault = takeFault();
    if (fault.fault === 'throttle') return sendError(res, 429, 'TooManyRequests', 'Rate limit is exceeded.', { 'retry-after': String(fault.retryAfterSeconds ?? 1) });
    if (fault.fault === 'server-error') return sendError(res, 500, 'InternalServerError', 'The service encountered an internal error.');
    if (fault.fault === 'malformed-json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end('{"categoriesAnalysis": [ {"category": "Hate", "sever');
    }
    if (fault.fault === 'hang') {
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return; // never answers; the client's timeout must fire
    }

    if (typeof body !== 'object' || body === null) return sendError(res, 400, 'InvalidRequestBody', 'The request body is not valid JSON.');
    const b = body as Record<string, unknown>;
    if (route === 'analyze') {
      if (typeof b.text !== 'string' || b.text.length === 0) return sendError(res, 400, 'InvalidRequestBody', 'The text field is required and must be a non-empty string.');
      if ([...b.text].length > maxTextChars) return sendError(res, 400, 'InvalidRequestBody', `The text exceeds the maximum length of ${maxTextChars} characters.`);
      if (b.outputType !== undefined && b.outputType !== 'FourSeverityLevels' && b.outputType !== 'EightSeverityLevels') return sendError(res, 400, 'InvalidRequestBody', 'Unknown outputType.');
      return sendJson(res, 200, analyze(b.text));
    }
    const documents = b.documents === undefined ? [] : b.documents;
    if (b.userPrompt !== undefined && typeof b.userPrompt !== 'string') return sendError(res, 400, 'InvalidRequestBody', 'userPrompt must be a string.');
    if (!Array.isArray(documents) || documents.some((d) => typeof d !== 'string')) return sendError(res, 400, 'InvalidRequestBody', 'documents must be an array of strings.');
    if (documents.length > maxDocuments) return sendError(res, 400, 'InvalidRequestBody', `At most ${maxDocuments} documents are supported.`);
    const prompt = (b.userPrompt as string | undefined) ?? '';
    const total = [...prompt].length + (documents as string[]).reduce((n, d) => n + [...d].length, 0);
    if (total > maxTextChars) return sendError(res, 400, 'InvalidRequestBody', `The user prompt and documents exceed the maximum of ${maxTextChars} characters.`);
    return sendJson(res, 200, {
      userPromptAnalysis: { attackDetected: isAttack(prompt) },
      documentsAnalysis: (documents as string[]).map((d) => ({ attackDetected: isAttack(d) })),
    });
  };

  const tls = ensureDevTls();
  const server: Server = createServer({ cert: tls.certPem, key: tls.keyPem }, (req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendError(res, 400, 'InvalidRequestBody', 'The request could not be read.');
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `https://127.0.0.1:${port}`,
    key,
    requests,
    setFaults: (next) => {
      faults = next;
    },
    setRules: (next) => {
      rules = { ...rules, ...next };
    },
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
