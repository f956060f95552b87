// A round-robin load balancer on loopback for the scale-out test: each request
// goes to the next backend; a backend that refuses the connection is marked
// dead and skipped (the request goes to the next one), as a load balancer's
// health probe would. The answer names the backend in `x-backend`.
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';

export interface RoundRobinProxy {
  url: string;
  /** Requests each backend answered, by index. */
  served: number[];
  dead: Set<number>;
  close(): Promise<void>;
}

const hopByHop = new Set(['connection', 'keep-alive', 'transfer-encoding', 'host']);

export async function startRoundRobinProxy(backends: string[]): Promise<RoundRobinProxy> {
  let next = 0;
  const served = backends.map(() => 0);
  const dead = new Set<number>();

  const forward = (index: number, req: IncomingMessage, body: Buffer): Promise<IncomingMessage> =>
    new Promise((resolve, reject) => {
      const target = new URL(req.url ?? '/', backends[index]);
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !hopByHop.has(k)));
      const out = request(target, { method: req.method, headers: { ...headers, 'content-length': String(body.length) } }, resolve);
      out.once('error', reject);
      out.end(body);
    });

  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    for (let tries = 0; tries < backends.length; tries++) {
      const index = next;
      next = (next + 1) % backends.length;
      if (dead.has(index)) continue;
      let answer: IncomingMessage;
      try {
        answer = await forward(index, req, body);
      } catch {
        dead.add(index); // connection refused or reset: the instance is gone
        continue;
      }
      served[index]!++;
      const headers = Object.fromEntries(Object.entries(answer.headers).filter(([k]) => !hopByHop.has(k)));
      res.writeHead(answer.statusCode ?? 502, { ...headers, 'x-backend': String(index) });
      answer.pipe(res);
      return;
    }
    res.writeHead(502).end('no live backend');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    served,
    dead,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
