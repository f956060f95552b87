// Local stand-in for an OpenAI-compatible server and for Azure OpenAI, speaking
// the Chat Completions wire format over real HTTP:
//   POST /v1/chat/completions                                   (OpenAI, Ollama, vLLM, llama.cpp)
//   POST /openai/deployments/{deployment}/chat/completions?api-version=...   (Azure OpenAI)
// It answers from a script (queued replies or a responder function), injects
// faults (429 with retry-after, 500) and records every request so tests can
// assert exactly what the client sent. Dev and tests only, never shipped.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedToolCall {
  id?: string;
  name: string;
  /** A string is sent verbatim (it may be malformed JSON on purpose); an object is serialised. */
  arguments: string | Record<string, unknown>;
}

export interface ScriptedReply {
  /** HTTP status; anything but 200 sends an error body in the dialect of the path. */
  status?: number;
  headers?: Record<string, string>;
  content?: string | null;
  toolCalls?: ScriptedToolCall[];
  finishReason?: string;
  /** Replaces the whole response body (for malformed-response tests). */
  rawBody?: string;
  errorCode?: string;
  errorMessage?: string;
  /** Waits this long before answering (timeout tests). */
  delayMs?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Header names lowercased. */
  headers: Record<string, string>;
  /** 'openai' for /v1/..., 'azure' for /openai/deployments/... */
  dialect: 'openai' | 'azure';
  deployment?: string;
  body: any;
}

export interface OpenAiCompatibleEmulatorOptions {
  /** Required as `Authorization: Bearer <key>` (OpenAI path) or `api-key: <key>` (Azure path) when set. */
  apiKey?: string;
  /** Bearer tokens accepted on the Azure path (keyless Entra auth). */
  acceptedBearerTokens?: string[];
  /** Azure deployments that exist; any name is accepted when omitted. */
  deployments?: string[];
  /** Replies served in order before the responder is used. */
  replies?: ScriptedReply[];
  /** Answers when the queue is empty; defaults to echoing the last user message. */
  responder?: (request: RecordedRequest) => ScriptedReply | Promise<ScriptedReply>;
  maxBodyBytes?: number;
  /** Defaults to 0 (an ephemeral port); always bound to 127.0.0.1. */
  port?: number;
}

export interface OpenAiCompatibleEmulator {
  /** e.g. http://127.0.0.1:41234 */
  readonly url: string;
  /** Base URL for OpenAI-style clients: `${url}/v1`. */
  readonly openAiBaseUrl: string;
  readonly requests: RecordedRequest[];
  enqueue(...replies: ScriptedReply[]): void;
  /** The next `count` requests fail with this status (429 carries retry-after headers). */
  failNext(count: number, status: 429 | 500 | 503, retryAfterMs?: number): void;
  close(): Promise<void>;
}

const azurePath = /^\/openai\/deployments\/([A-Za-z0-9._-]{1,64})\/chat\/completions$/;

export async function startOpenAiCompatibleEmulator(opts: OpenAiCompatibleEmulatorOptions = {}): Promise<OpenAiCompatibleEmulator> {
  const queue: ScriptedReply[] = [...(opts.replies ?? [])];
  const requests: RecordedRequest[] = [];
  const maxBody = opts.maxBodyBytes ?? 4 * 1024 * 1024;
  let counter = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, { error: { message: 'emulator failure', type: 'server_error' } }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const azure = azurePath.exec(url.pathname);
    const dialect: RecordedRequest['dialect'] = azure ? 'azure' : 'openai';
    if (req.method !== 'POST' || (!azure && url.pathname !== '/v1/chat/completions')) {
      return sendError(res, dialect, 404, 'NotFound', 'Resource not found');
    }
    const raw = await readBody(req, maxBody);
    if (raw === undefined) return sendError(res, dialect, 413, 'request_too_large', 'Request body too large');
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v ?? '');
    let body: any;
    try {
      body = JSON.parse(raw);
    } catch {
      return sendError(res, dialect, 400, 'invalid_json', 'We could not parse the JSON body of your request.');
    }
    const record: RecordedRequest = {
      method: req.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      dialect,
      ...(azure ? { deployment: azure[1] } : {}),
      body,
    };
    requests.push(record);

    if (azure) {
      if (!record.query['api-version']) return sendError(res, dialect, 404, '404', 'Resource not found');
      const keyOk = opts.apiKey !== undefined && headers['api-key'] === opts.apiKey;
      const bearer = /^Bearer ([^\s]{1,8192})$/.exec(headers.authorization ?? '')?.[1];
      const tokenOk = bearer !== undefined && (opts.acceptedBearerTokens ?? []).includes(bearer);
      if ((opts.apiKey !== undefined || opts.acceptedBearerTokens) && !keyOk && !tokenOk) {
        return sendError(res, dialect, 401, '401', 'Access denied due to invalid subscription key or wrong API endpoint.');
      }
      if (opts.deployments && !opts.deployments.includes(azure[1] ?? '')) {
        return sendError(res, dialect, 404, 'DeploymentNotFound', 'The API deployment for this resource does not exist.');
      }
    } else if (opts.apiKey !== undefined && headers.authorization !== `Bearer ${opts.apiKey}`) {
      return sendError(res, dialect, 401, 'invalid_api_key', 'Incorrect API key provided.');
    }

    const invalid = validateChatRequest(body, dialect);
    if (invalid) return sendError(res, dialect, 400, 'invalid_request_error', invalid);

    const reply = queue.shift() ?? (await (opts.responder ?? echoResponder)(record));
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    for (const [k, v] of Object.entries(reply.headers ?? {})) res.setHeader(k, v);
    const status = reply.status ?? 200;
    if (reply.rawBody !== undefined) {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(reply.rawBody);
      return;
    }
    if (status !== 200) return sendError(res, dialect, status, reply.errorCode ?? String(status), reply.errorMessage ?? 'Scripted failure');

    const toolCalls = (reply.toolCalls ?? []).map((c, i) => ({
      id: c.id ?? `call_emu_${++counter}_${i}`,
      type: 'function',
      function: { name: c.name, arguments: typeof c.arguments === 'string' ? c.arguments : JSON.stringify(c.arguments) },
    }));
    const content = reply.content === undefined ? (toolCalls.length > 0 ? null : '') : reply.content;
    const model = dialect === 'azure' ? String(body.model ?? record.deployment ?? 'deployment') : String(body.model);
    send(res, 200, {
      id: `chatcmpl-emu-${++counter}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content, ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}) },
          finish_reason: reply.finishReason ?? (toolCalls.length > 0 ? 'tool_calls' : 'stop'),
        },
      ],
      usage: { prompt_tokens: Math.ceil(raw.length / 4), completion_tokens: Math.ceil(JSON.stringify(content ?? '').length / 4) + toolCalls.length * 10, total_tokens: 0 },
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    openAiBaseUrl: `${url}/v1`,
    requests,
    enqueue: (...replies) => queue.push(...replies),
    failNext(count, status, retryAfterMs = 10) {
      const headers: Record<string, string> = status === 429 ? { 'retry-after-ms': String(retryAfterMs), 'retry-after': String(Math.ceil(retryAfterMs / 1000)) } : {};
      const failures: ScriptedReply[] = Array.from({ length: count }, () => ({ status, headers, errorCode: status === 429 ? '429' : 'server_error', errorMessage: status === 429 ? 'Rate limit is exceeded. Try again later.' : 'The server had an error.' }));
      queue.unshift(...failures);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The checks a real endpoint makes that matter for our client: roles, tool-call pairing, tools shape. */
function validateChatRequest(body: any, dialect: 'openai' | 'azure'): string | undefined {
  if (!body || typeof body !== 'object') return 'body must be a JSON object';
  if (dialect === 'openai' && (typeof body.model !== 'string' || body.model === '')) return "you must provide a model parameter";
  if (!Array.isArray(body.messages) || body.messages.length === 0) return "'messages' must be a non-empty array";
  const openCalls = new Set<string>();
  for (const [i, m] of body.messages.entries()) {
    if (!m || typeof m !== 'object' || !['system', 'user', 'assistant', 'tool', 'developer'].includes(m.role)) return `messages[${i}].role is invalid`;
    if (m.role === 'assistant' && Array.isArray(m.tool_calls)) {
      for (const c of m.tool_calls) {
        if (c?.type !== 'function' || typeof c.id !== 'string' || typeof c.function?.name !== 'string' || typeof c.function?.arguments !== 'string') return `messages[${i}].tool_calls is malformed`;
        openCalls.add(c.id);
      }
    }
    if (m.role === 'tool') {
      if (typeof m.tool_call_id !== 'string' || !openCalls.has(m.tool_call_id)) return `messages[${i}] with role 'tool' must be a response to a preceding message with 'tool_calls'`;
      if (typeof m.content !== 'string') return `messages[${i}].content must be a string`;
    }
    if ((m.role === 'system' || m.role === 'user') && typeof m.content !== 'string' && !Array.isArray(m.content)) return `messages[${i}].content is invalid`;
  }
  if (body.tools !== undefined) {
    if (!Array.isArray(body.tools) || body.tools.length === 0) return "'tools' must be a non-empty array when present";
    for (const t of body.tools) if (t?.type !== 'function' || typeof t.function?.name !== 'string') return "each tool must be {type:'function', function:{name,...}}";
  }
  return undefined;
}

function echoResponder(request: RecordedRequest): ScriptedReply {
  const messages: any[] = request.body.messages;
  const lastUser = [...messages].reverse().find((m) => m.role === 'user');
  return { content: `emulated reply to: ${typeof lastUser?.content === 'string' ? lastUser.content.slice(0, 200) : ''}` };
}

function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else parts.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

function sendError(res: ServerResponse, dialect: 'openai' | 'azure', status: number, code: string, message: string): void {
  // OpenAI: {error:{message,type,param,code}}; Azure: {error:{code,message}}.
  const body = dialect === 'azure' ? { error: { code, message } } : { error: { message, type: status === 429 ? 'rate_limit_exceeded' : status >= 500 ? 'server_error' : 'invalid_request_error', param: null, code } };
  send(res, status, body);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
