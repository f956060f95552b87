// Builds the whole agent from validated configuration: every stage's real
// implementation adapted to the pipeline ports, the Agents SDK adapter and app.
import { CloudAdapter, type AuthConfiguration } from '@microsoft/agents-hosting';
import type { AppConfig } from '../config.js';
import { openLocalAuditLog } from '../audit/local-audit-log.js';
import { createLogger } from '../logging/logger.js';
import type { ReadinessCheck } from '../host/http-server.js';
import { createAgentApp } from './agent-app.js';
import { createTurnPipeline, type TurnPipeline, type TurnReply, type TurnRequest } from './turn-pipeline.js';
import { buildPorts } from './wiring/build-ports.js';

const log = createLogger('runtime');

export interface AgentRuntime {
  pipeline: TurnPipeline;
  adapter: CloudAdapter;
  app: ReturnType<typeof createAgentApp>;
  readiness: ReadinessCheck[];
  runTurn(req: TurnRequest): Promise<TurnReply>;
  close(): Promise<void>;
}

export async function createAgentRuntime(config: AppConfig): Promise<AgentRuntime> {
  const auditLog = await openLocalAuditLog(config.audit.localLogPath);
  const ports = await buildPorts(config, auditLog, {
    userTokens: {
      getUserToken: async () => {
        const err = new Error('sign in required');
        err.name = 'SignInRequiredError';
        throw err;
      },
    },
  });
  const pipeline = createTurnPipeline({ ...ports, maxInputChars: config.agent.maxInputChars, maxToolRounds: config.agent.maxToolRounds });
  const adapter = new CloudAdapter(adapterAuthConfig(config), undefined, undefined, { validateServiceUrl: config.host.authMode === 'entra' });
  const app = createAgentApp({ adapter, pipeline, modelLabel: ports.model.label });
  log.info('agent ready', { model: ports.model.label, authMode: config.host.authMode });
  return {
    pipeline,
    adapter,
    app,
    readiness: ports.readiness,
    runTurn: (req) => pipeline.runTurn(req),
    close: async () => {
      await ports.close();
    },
  };
}

/** Outbound (agent → channel) credentials for the SDK's connector client. */
function adapterAuthConfig(config: AppConfig): AuthConfiguration {
  const { auth, authMode } = config.host;
  if (authMode === 'dev-anonymous') return {} as AuthConfiguration;
  return {
    clientId: auth.appId,
    tenantId: auth.tenantId,
    clientSecret: auth.clientSecret,
    certPemFile: auth.certPemFile,
    certKeyFile: auth.certKeyFile,
    FICClientId: auth.managedIdentityClientId,
    authority: auth.authorityHost,
    issuers: auth.issuers,
  } as AuthConfiguration;
}
