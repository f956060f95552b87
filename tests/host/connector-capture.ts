// A stand-in Bot Connector for host tests: answers the reply and send calls the
// SDK makes to activity.serviceUrl, and records every request it receives, so a
// test can tell where the bot's access token went. Also usable as the attacker's
// server: it records the same way.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CapturedRequest {
  method: string;
  path: string;
  /** Audience of the bearer token, when one was sent (the token itself is not kept). */
  bearerAudience?: string;
  hasBearer: boolean;
  body: any;
}

export interface ConnectorCapture {
  readonly url: string;
  readonly port: number;
  requests(): CapturedRequest[];
  close(): Promise<void>;
}

export async function startConnectorCapture(): Promise<ConnectorCapture> {
  const seen: CapturedRequest[] = [];
  let counter = 0;
  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const auth = req.headers.authorization ?? '';
    const bearer = /^Bearer (\S+)$/.exec(auth)?.[1];
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    seen.push({ method: req.method ?? '', path: req.url ?? '', hasBearer: Boolean(bearer), bearerAudience: bearer ? audienceOf(bearer) : undefined, body });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: `sent-${++counter}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    requests: () => [...seen],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => resolve(text));
  });
}

function audienceOf(token: string): string | undefined {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { aud?: unknown };
    return typeof payload.aud === 'string' ? payload.aud : undefined;
  } catch {
    return undefined;
  }
}
