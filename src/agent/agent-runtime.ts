// Builds the whole agent from validated configuration: every stage's real
// implementation adapted to the pipeline ports, the Agents SDK adapter and app.
import { CloudAdapter, OutboundHostValidator, type AuthConfiguration } from '@microsoft/agents-hosting';
import type { AppConfig } from '../config.js';
import { openAuditTrail } from '../audit/audit-trail.js';
import { createLogger } from '../logging/logger.js';
import type { ReadinessCheck } from '../host/http-server.js';
import type { Activity } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';
import { createActivityAudit } from './activity-audit.js';
import { createAgentApp, createMessageAnswerer } from './agent-app.js';
import { auditCommand, reloadPolicyCommand } from './admin-commands.js';
import { forgetCommand } from './forget-command.js';
import { createAgentSso } from './sso/create-sso.js';
import { requireRoleForCommand, signOutCommand } from './sso/sso-commands.js';
import { createTurnPipeline, type TurnPipeline, type TurnReply, type TurnRequest } from './turn-pipeline.js';
import { buildPorts } from './wiring/build-ports.js';
import { dependencyChecks } from './wiring/readiness.js';
import { actorFromActivity } from './activity-actor.js';
import { buildApprovals } from './wiring/build-approvals.js';
import type { ApprovalService } from '../approvals/approval-service.js';
import { createStateStore } from '../state/create-state-store.js';
import type { StateStore } from '../state/state-store.js';

const stepUpText = 'Deciding on this request needs a multi-factor sign-in. Sign in again, then click the button on the card again.';

const log = createLogger('runtime');

export interface AgentRuntime {
  pipeline: TurnPipeline;
  adapter: CloudAdapter;
  app: ReturnType<typeof createAgentApp>;
  readiness: ReadinessCheck[];
  /** Pending approvals and confirmations (the evaluator plays the user who confirms). */
  approvals: ApprovalService;
  /** The one state store every shared piece of state lives in (config.state). */
  state: StateStore;
  runTurn(req: TurnRequest): Promise<TurnReply>;
  /** What the Admin "reload policy" command does: reload here, tell the other instances. */
  reloadPolicies(): Promise<string[]>;
  close(): Promise<void>;
}

export async function createAgentRuntime(config: AppConfig): Promise<AgentRuntime> {
  const auditTrail = await openAuditTrail(config.audit, config.appInsights, telemetryTargets(config));
  const auditLog = auditTrail.log;
  // One store per process, shared by every stage that keeps state across turns (and instances).
  const state = createStateStore(config.state);
  const sso = createAgentSso(config, { state });
  const ports = await buildPorts(config, auditTrail, { userTokens: sso.broker, readiness: dependencyChecks(config), state });
  const approvals = buildApprovals(config, { state, tools: ports.tools, broker: sso.broker, audit: (r) => ports.audit.write(r), stepUpCard: () => sso.signInCard(stepUpText) });
  const pipeline = createTurnPipeline({ ...ports, approvals: approvals.port, maxInputChars: config.agent.maxInputChars, maxToolRounds: config.agent.maxToolRounds });
  // The SDK's own outbound check on the same allow-list the host enforces: a second lock in front of
  // every connector call (it also compares the serviceurl claim's host). The host answers 403 first.
  const outboundHosts = new OutboundHostValidator({ enabled: true, includeDefaultMicrosoftHosts: false, hosts: [...config.host.serviceUrlHosts] });
  const adapter = new CloudAdapter(adapterAuthConfig(config), undefined, undefined, undefined, outboundHosts);
  const rolesOf = (activity: Activity) => sso.broker.rolesOf(actorFromActivity(activity));
  const rolesOfContext = (context: TurnContext) => rolesOf(context.activity);
  const approvalRoutes = approvals.routes(adapter);
  const answer = createMessageAnswerer({ pipeline, rolesFor: rolesOf, signIn: sso.signIn, announceHeld: (context, held) => approvalRoutes.announce(context, held) });
  const app = createAgentApp({
    adapter,
    answer,
    modelLabel: ports.model.label,
    commands: [
      { names: ['whoami', 'who am i', 'who am i?'], description: 'Show who you are signed in as', run: (context) => answer(context, 'who am I?') },
      signOutCommand(sso.broker),
      forgetCommand(ports.history),
      requireRoleForCommand(auditCommand(auditLog), 'Auditor', rolesOfContext),
      requireRoleForCommand(reloadPolicyCommand(ports.reloadPolicies), 'Admin', rolesOfContext),
    ],
    signIn: sso.signIn,
    extend: (agentApp) => approvalRoutes.register(agentApp),
    audit: createActivityAudit({ audit: ports.audit, textPolicy: config.audit.textPolicy, rolesFor: rolesOf }),
  });
  await approvals.start();
  await sso.broker.warmUp().catch((err) => log.warn('could not warm up the user token broker', { error: err }));
  log.info('agent ready', { model: ports.model.label, authMode: config.host.authMode });
  return {
    pipeline,
    adapter,
    app,
    readiness: ports.readiness,
    approvals: approvals.service,
    state,
    runTurn: (req) => pipeline.runTurn(req),
    reloadPolicies: () => ports.reloadPolicies(),
    close: async () => {
      try {
        await approvals.close();
        await ports.close();
        await auditTrail.close();
      } finally {
        await state.close();
      }
    },
  };
}

/** Dependency targets named in telemetry: hosts only. */
function telemetryTargets(config: AppConfig): { graphHost?: string; contentSafetyHost?: string } {
  const host = (url: string | undefined) => {
    try {
      return url ? new URL(url).host : undefined;
    } catch {
      return undefined;
    }
  };
  return { graphHost: host(config.graph.baseUrl), contentSafetyHost: host(config.guard.contentSafety?.endpoint) };
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
