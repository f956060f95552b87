// Post-deploy smoke check: is the deployed agent alive (/healthz), are its dependencies
// answering (/readyz), and, given a caller's credentials, does an authenticated message get
// an answer? The message is the `help` command: no model, no Graph, no side effect.
//
//   npm run smoke -- --url https://<app>.azurewebsites.net
//   SMOKE_CLIENT_SECRET=... npm run smoke -- --url https://<app>.azurewebsites.net \
//     --tenant <tenant id> --bot-app-id <BOT_ID> --client-id <caller app id>
//
// The caller app must be in BOT_ALLOWED_CALLER_APP_IDS. Its secret comes from the
// environment only (never the command line, where `ps` shows it) and is never printed.
import { ClientSecretCredential } from '@azure/identity';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export interface SmokeOptions {
  url: string;
  /** All four, or none: the authenticated activity is sent only with a caller identity. */
  tenantId?: string;
  botAppId?: string;
  clientId?: string;
  clientSecret?: string;
  authorityHost?: string;
  /** Optional serviceUrl of the test activity; must be on the agent's BOT_SERVICE_URL_HOSTS. */
  serviceUrl?: string;
  timeoutMs?: number;
}

export interface SmokeCheck {
  name: string;
  ok: boolean;
  detail: string;
}

async function getJson(url: string, timeoutMs: number): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) };
  } catch {
    return { status: response.status, body: text.slice(0, 200) };
  }
}

async function check(name: string, run: () => Promise<{ ok: boolean; detail: string }>): Promise<SmokeCheck> {
  try {
    return { name, ...(await run()) };
  } catch (err) {
    return { name, ok: false, detail: err instanceof Error ? err.message : String(err) };
  }
}

export async function runSmoke(options: SmokeOptions): Promise<SmokeCheck[]> {
  const base = options.url.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 15_000;
  const checks: SmokeCheck[] = [];
  checks.push(
    await check('healthz', async () => {
      const { status, body } = await getJson(`${base}/healthz`, timeoutMs);
      return { ok: status === 200, detail: `${status} ${JSON.stringify(body)}` };
    }),
  );
  checks.push(
    await check('readyz', async () => {
      const { status, body } = await getJson(`${base}/readyz`, timeoutMs);
      return { ok: status === 200, detail: `${status} ${JSON.stringify(body)}` };
    }),
  );
  const identity = [options.tenantId, options.botAppId, options.clientId, options.clientSecret];
  if (identity.every((v) => !v)) {
    checks.push({ name: 'authenticated activity', ok: true, detail: 'skipped: no caller credentials given' });
    return checks;
  }
  checks.push(
    await check('authenticated activity', async () => {
      if (identity.some((v) => !v)) return { ok: false, detail: 'needs --tenant, --bot-app-id, --client-id and SMOKE_CLIENT_SECRET together' };
      const credential = new ClientSecretCredential(options.tenantId!, options.clientId!, options.clientSecret!, {
        authorityHost: options.authorityHost ?? 'https://login.microsoftonline.com',
        disableInstanceDiscovery: options.authorityHost !== undefined,
      });
      // The bot app's identifier URI (infra/entra/aad.manifest.json); Entra issues the token for the app.
      const token = await credential.getToken(`api://botid-${options.botAppId}/.default`);
      const activity = {
        type: 'message',
        id: `smoke-${randomUUID()}`,
        text: 'help',
        channelId: 'msteams',
        // No serviceUrl by default: replies come back in the response (expectReplies), so the
        // agent needs no outbound token and posts nowhere. With one, it must be on BOT_SERVICE_URL_HOSTS.
        ...(options.serviceUrl ? { serviceUrl: options.serviceUrl } : {}),
        from: { id: `29:smoke-${options.clientId}`, name: 'smoke check' },
        recipient: { id: `28:${options.botAppId}` },
        conversation: { id: `smoke-${randomUUID()}`, conversationType: 'personal', tenantId: options.tenantId },
        channelData: { tenant: { id: options.tenantId } },
        deliveryMode: 'expectReplies',
      };
      const response = await fetch(`${base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token.token}` },
        body: JSON.stringify(activity),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const body = (await response.json().catch(() => undefined)) as { activities?: Array<{ text?: string }> } | undefined;
      const replies = (body?.activities ?? []).filter((a) => typeof a.text === 'string' && a.text.length > 0);
      return { ok: response.status === 200 && replies.length > 0, detail: `${response.status}, ${replies.length} repl${replies.length === 1 ? 'y' : 'ies'}` };
    }),
  );
  return checks;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      tenant: { type: 'string' },
      'bot-app-id': { type: 'string' },
      'client-id': { type: 'string' },
      'authority-host': { type: 'string' },
      'service-url': { type: 'string' },
    },
  });
  if (!values.url) {
    process.stderr.write('usage: npm run smoke -- --url https://<app>.azurewebsites.net [--tenant ID --bot-app-id ID --client-id ID] (secret in SMOKE_CLIENT_SECRET)\n');
    process.exit(2);
  }
  const checks = await runSmoke({
    url: values.url,
    tenantId: values.tenant,
    botAppId: values['bot-app-id'],
    clientId: values['client-id'],
    clientSecret: process.env.SMOKE_CLIENT_SECRET,
    authorityHost: values['authority-host'],
    serviceUrl: values['service-url'],
  });
  for (const c of checks) process.stdout.write(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}\n`);
  process.exit(checks.every((c) => c.ok) ? 0 : 1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) void main();
