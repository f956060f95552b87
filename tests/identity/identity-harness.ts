// Starts the Entra and Graph emulators and the production identity pieces
// (SSO validator, OBO provider, token broker, read tools) pointed at them.
// Used by tests/identity and tests/graph; everything speaks real HTTPS.
import { startEntraEmulator, type EntraEmulator } from '../../emulators/entra/entra-emulator.js';
import { demoBotAppId, demoBotAppSecret, demoTenantId } from '../../emulators/entra/seed.js';
import { startGraphEmulator, type GraphEmulator } from '../../emulators/graph/graph-emulator.js';
import { DataZonePolicy } from '../../src/graph/data-zones.js';
import { OnBehalfOfTokenProvider, type OboClientCredential } from '../../src/identity/obo-token-provider.js';
import { createSsoTokenValidator, type SsoTokenValidator } from '../../src/identity/sso-token-validator.js';
import { SsoTokenStore } from '../../src/agent/sso/sso-token-store.js';
import { createUserTokenBroker, type UserTokenBroker } from '../../src/agent/sso/user-token-broker.js';
import { createReadTools } from '../../src/tools/read/create-read-tools.js';
import type { ToolContext, ToolDefinition } from '../../src/tools/tool.js';
import type { TurnActor } from '../../src/audit/turn-record.js';
import { setLogLevel, setLogSink } from '../../src/logging/logger.js';

export const users = {
  megan: 'megan@contoso.example',
  alex: 'alex@contoso.example',
  miriam: 'miriam@contoso.example',
  lee: 'lee@contoso.example',
  eve: 'eve@fabrikam.example',
} as const;

export interface IdentityHarness {
  entra: EntraEmulator;
  graph: GraphEmulator;
  validator: SsoTokenValidator;
  obo: OnBehalfOfTokenProvider;
  broker: UserTokenBroker;
  tools: ToolDefinition[];
  tool(name: string): ToolDefinition;
  /** Signs the user in as the SSO invoke would (validated token in the store) and returns their actor. */
  signIn(upn: string): Promise<TurnActor>;
  context(actor: TurnActor): ToolContext;
  close(): Promise<void>;
}

export function ssoValidatorFor(entra: EntraEmulator, allowedTenants = [demoTenantId]): SsoTokenValidator {
  return createSsoTokenValidator({ authorityHost: entra.url, allowedTenants, audiences: [`api://botid-${demoBotAppId}`, demoBotAppId], requiredScope: 'access_as_user' });
}

export function oboProviderFor(entra: EntraEmulator, credential: OboClientCredential = { kind: 'secret', clientSecret: demoBotAppSecret }, extra: { refreshMarginSec?: number } = {}): OnBehalfOfTokenProvider {
  return new OnBehalfOfTokenProvider({ tenantId: demoTenantId, clientId: demoBotAppId, authorityHost: entra.url, credential, ...extra });
}

export async function startIdentityHarness(opts: { zones?: DataZonePolicy; maxTextChars?: number; maxFileBytes?: number } = {}): Promise<IdentityHarness> {
  const entra = await startEntraEmulator();
  const graph = await startGraphEmulator({ entra });
  const validator = ssoValidatorFor(entra);
  const obo = oboProviderFor(entra);
  const broker = createUserTokenBroker({ store: new SsoTokenStore(), obo, validator, allowedTenants: [demoTenantId] });
  const tools = createReadTools({
    graphBaseUrl: `${graph.url}/v1.0`,
    zones: opts.zones ?? DataZonePolicy.load('policy/data-zones.json'),
    maxFileBytes: opts.maxFileBytes ?? 1024 * 1024,
    maxTextChars: opts.maxTextChars ?? 20_000,
    maxRetryAfterSec: 5,
  });
  return {
    entra,
    graph,
    validator,
    obo,
    broker,
    tools,
    tool(name) {
      const found = tools.find((t) => t.name === name);
      if (!found) throw new Error(`no tool ${name}`);
      return found;
    },
    async signIn(upn) {
      const validated = await validator.validate(await entra.mintUserSsoToken(upn));
      const actor: TurnActor = { userId: `29:${upn}`, aadObjectId: validated.oid, tenantId: validated.tenantId, roles: validated.roles };
      broker.remember(actor, validated);
      return actor;
    },
    context(actor) {
      return { actor, correlationId: 'test-correlation', getUserToken: (scopes) => broker.getUserToken(actor, scopes) };
    },
    async close() {
      await graph.close();
      await entra.close();
    },
  };
}

/** Captures every log line written while `run` executes, at debug level. */
export async function captureLogs<T>(run: () => Promise<T>): Promise<{ result: T; lines: string[] }> {
  const lines: string[] = [];
  const previous = setLogSink({ write: (line) => void lines.push(line) });
  setLogLevel('debug');
  try {
    return { result: await run(), lines };
  } finally {
    setLogSink(previous);
    setLogLevel('error');
  }
}
