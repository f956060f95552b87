// Builds the whole agent from validated configuration: every stage's real
// implementation adapted to the pipeline ports, the Agents SDK adapter and app.
import { CloudAdapter, OutboundHostValidator, type AuthConfiguration } from '@microsoft/agents-hosting';
import type { AppConfig } from '../config.js';
import { openAuditTrail } from '../audit/audit-trail.js';
import { createLogger } from '../logging/logger.js';
import type { ReadinessCheck } from '../host/http-server.js';
import type { Activity } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';
import { auditedTurnOf, createActivityAudit } from './activity-audit.js';
import { createAgentApp, createMessageAnswerer } from './agent-app.js';
import { auditCommand, modeCommand, reloadPolicyCommand, statusCommand } from './admin-commands.js';
import { AgentModeSwitch } from './agent-mode.js';
import { gateToolsByMode } from './wiring/mode-gated-tools.js';
import { createStatusReader } from './wiring/agent-status.js';
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
import { FeedbackLinks } from './feedback-links.js';
import type { StateStore } from '../state/state-store.js';
import type { ToolFactory } from '../tools/registered-tools.js';
import type { GuardSpec } from '../guard/index.js';

const stepUpText = 'Deciding on this request needs a multi-factor sign-in. Sign in again, then click the button on the card again.';
const maintenanceText = 'I am paused for maintenance at the moment and cannot help with requests. Please try again later.';

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
  /** The kill switch (shared mode: normal, read-only, maintenance). */
  modes: AgentModeSwitch;
  close(): Promise<void>;
}

export interface AgentRuntimeOptions {
  /** A fork's own tools, offered beside the shipped ones and checked by the same registry and policy (docs/extending.md). */
  tools?: readonly ToolFactory[];
  /** A fork's own guards (defineGuard), run after the built-in ones; their policy sections are validated like the others. */
  guards?: readonly GuardSpec[];
}

export async function createAgentRuntime(config: AppConfig, options: AgentRuntimeOptions = {}): Promise<AgentRuntime> {
  const auditTrail = await openAuditTrail(config.audit, config.appInsights, telemetryTargets(config));
  const auditLog = auditTrail.log;
  // One store per process, shared by every stage that keeps state across turns (and instances).
  const state = createStateStore(config.state, { tracer: auditTrail.telemetry?.tracer });
  const sso = createAgentSso(config, { state });
  const ports = await buildPorts(config, auditTrail, { userTokens: sso.broker, readiness: dependencyChecks(config), state, tools: options.tools, guards: options.guards });
  const modes = new AgentModeSwitch(state, config.agent.mode);
  // Read-only / maintenance: the policy denies non-read tools in a turn, and the run itself is refused, also for approved actions.
  const tools = gateToolsByMode(ports.tools, modes);
  const approvals = buildApprovals(config, { state, tools, broker: sso.broker, audit: (r) => ports.audit.write(r), stepUpCard: () => sso.signInCard(stepUpText), mode: () => modes.current() });
  const pipeline = createTurnPipeline({
    ...ports,
    tools,
    mode: () => modes.current(),
    approvals: approvals.port,
    maxInputChars: config.agent.maxInputChars,
    maxToolRounds: config.agent.maxToolRounds,
  });
  // The SDK's own outbound check on the same allow-list the host enforces: a second lock in front of
  // every connector call (it also compares the serviceurl claim's host). The host answers 403 first.
  const outboundHosts = new OutboundHostValidator({ enabled: true, includeDefaultMicrosoftHosts: false, hosts: [...config.host.serviceUrlHosts] });
  const adapter = new CloudAdapter(adapterAuthConfig(config), undefined, undefined, undefined, outboundHosts);
  const rolesOf = (activity: Activity) => sso.broker.rolesOf(actorFromActivity(activity));
  // Read once per activity, when its AgentTurn opens (with the sign-out check); the same roles serve every route.
  const rolesOfContext = async (context: TurnContext) => auditedTurnOf(context)?.actor.roles ?? (await rolesOf(context.activity));
  const approvalRoutes = approvals.routes(adapter);
  const statusOf = createStatusReader({ ports, modes, stateBackend: state.backend, instanceId: config.audit.instanceId });
  const feedbackLinks = new FeedbackLinks(state);
  const answer = createMessageAnswerer({ pipeline, rolesFor: rolesOfContext, signIn: sso.signIn, announceHeld: (context, held) => approvalRoutes.announce(context, held), feedbackLinks });
  const app = createAgentApp({
    adapter,
    answer,
    modelLabel: ports.model.label,
    commands: [
      { names: ['whoami', 'who am i', 'who am i?'], description: 'Show who you are signed in as', run: (context) => answer(context, 'who am I?') },
      { ...signOutCommand(sso.broker), inMaintenance: true },
      { ...requireRoleForCommand(auditCommand(auditLog), 'Auditor', rolesOfContext), inMaintenance: true },
      { ...forgetCommand(ports.history), inMaintenance: true },
      requireRoleForCommand(reloadPolicyCommand(ports.reloadPolicies), 'Admin', rolesOfContext),
      requireRoleForCommand(modeCommand(modes), 'Admin', rolesOfContext, 'switch the agent mode'),
      requireRoleForCommand(statusCommand(statusOf), 'Admin', rolesOfContext, 'see the agent status'),
    ],
    signIn: sso.signIn,
    extend: (agentApp) => approvalRoutes.register(agentApp),
    audit: createActivityAudit({ audit: ports.audit, textPolicy: config.audit.textPolicy, rolesFor: rolesOf, runTurn: auditTrail.runTurn, mode: async () => (await modes.state()).mode }),
    maintenance: { active: async () => (await modes.state()).mode === 'maintenance', reply: maintenanceText },
    feedbackLinks,
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
    runTurn: async (req) => {
      await modes.state();
      return pipeline.runTurn(req);
    },
    reloadPolicies: async () => (await ports.reloadPolicies()).reloaded,
    modes,
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
