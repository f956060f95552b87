// Builds human approval from configuration: the approval store on the shared
// state layer, the service, the card routes, and the sweep that expires old
// requests and finishes decided ones after a restart.
import type { CloudAdapter } from '@microsoft/agents-hosting';
import type { Attachment } from '@microsoft/agents-activity';
import type { AppConfig } from '../../config.js';
import { ApprovalService } from '../../approvals/approval-service.js';
import { ApprovalStore } from '../../approvals/approval-store.js';
import { createStateStore } from '../../state/create-state-store.js';
import type { StateStore } from '../../state/state-store.js';
import type { TurnRecord } from '../../audit/turn-record.js';
import { createLogger } from '../../logging/logger.js';
import { createGraphClient } from '../../graph/graph-client.js';
import { GraphRequestError } from '../../graph/graph-errors.js';
import type { UserTokenBroker } from '../sso/user-token-broker.js';
import type { ApprovalsPort, ToolsPort } from '../pipeline-ports.js';
import { createApprovalRoutes, type ApprovalRoutes } from '../approval-routes.js';

const log = createLogger('approvals');

export interface BuiltApprovals {
  service: ApprovalService;
  port: ApprovalsPort;
  /** Needs the adapter, which is built after the pipeline. */
  routes(adapter: CloudAdapter): ApprovalRoutes;
  /** First sweep (finishes what a previous process decided but did not run), then one every interval. */
  start(): Promise<void>;
  close(): Promise<void>;
}

export interface ApprovalWiringDeps {
  /** The runtime's shared state store, when it has one; otherwise one is built from STATE_* settings and closed here. */
  state?: StateStore;
  tools: ToolsPort;
  broker: Pick<UserTokenBroker, 'getUserToken' | 'signInOf' | 'warmUp'>;
  audit(record: TurnRecord): Promise<void>;
  stepUpCard(): Attachment;
  /** The kill-switch mode, for the audit record of each approval step. */
  mode?: () => string;
}

export function buildApprovals(config: AppConfig, deps: ApprovalWiringDeps): BuiltApprovals {
  const state = deps.state ?? createStateStore(config.state);
  let routes: ApprovalRoutes | undefined;
  const service = new ApprovalService({
    store: new ApprovalStore(state),
    settings: config.approvals,
    tools: deps.tools,
    userToken: (actor, scopes) => deps.broker.getUserToken(actor, scopes),
    signInOf: (actor) => deps.broker.signInOf(actor),
    meetsClaims: async (actor, claims) => {
      // An on-behalf-of request with the claims challenge: Entra issues it only when the sign-in meets the context's policy.
      try {
        await deps.broker.getUserToken({ userId: actor.userId, aadObjectId: actor.aadObjectId, tenantId: actor.tenantId, roles: [] }, ['User.Read'], { claims });
        return true;
      } catch (err) {
        log.info('sign-in does not meet the authentication context', { error: err instanceof Error ? err.name : 'error' });
        return false;
      }
    },
    audit: deps.audit,
    managerOf: async (requester) => {
      // As the requester, with User.Read only: the same call the who_am_i tool makes.
      const graph = createGraphClient({ baseUrl: config.graph.baseUrl, getToken: () => deps.broker.getUserToken(requester, ['User.Read']), timeoutMs: config.graph.timeoutMs, maxRetries: config.graph.maxRetries });
      try {
        const manager = await graph.get<{ id?: unknown; displayName?: unknown }>('/me/manager');
        return typeof manager.id === 'string' ? { oid: manager.id, ...(typeof manager.displayName === 'string' ? { name: manager.displayName } : {}) } : undefined;
      } catch (err) {
        if (err instanceof GraphRequestError && err.failure === 'not-found') return undefined;
        throw err;
      }
    },
    onChange: async (record) => routes?.onChange(record),
    mode: deps.mode,
  });
  let timer: NodeJS.Timeout | undefined;
  return {
    service,
    port: { hold: async (request) => ({ id: (await service.request({ ...request, requester: request.actor })).id }) },
    routes(adapter) {
      routes = createApprovalRoutes({
        service,
        adapter,
        botAppId: config.host.auth.appId || 'anonymous-agent',
        settings: config.approvals,
        tools: deps.tools,
        signInOf: (actor) => deps.broker.signInOf(actor),
        warmUp: (actor) => deps.broker.warmUp({ userId: actor.userId, aadObjectId: actor.aadObjectId, tenantId: actor.tenantId }),
        stepUpCard: deps.stepUpCard,
      });
      return routes;
    },
    async start() {
      await service.sweep().catch((err) => log.warn('first approval sweep failed', { error: err instanceof Error ? err.message : 'error' }));
      if (config.approvals.sweepIntervalMs > 0) {
        timer = setInterval(() => void service.sweep().catch(() => undefined), config.approvals.sweepIntervalMs);
        timer.unref();
      }
    },
    async close() {
      if (timer) clearInterval(timer);
      if (!deps.state) await state.close();
    },
  };
}
