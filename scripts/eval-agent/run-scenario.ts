// Runs one scenario through the full agent runtime: a fresh Graph emulator
// seeded with the default tenant plus the scenario's content, a runtime
// configured against it, the user's messages as turns of one conversation,
// then the emulator's recorded side effects.
import { join } from 'node:path';
import { createAgentRuntime } from '../../src/agent/agent-runtime.js';
import type { TurnReply } from '../../src/agent/turn-pipeline.js';
import { loadConfig } from '../../src/config.js';
import type { EntraEmulator } from '../../emulators/entra/entra-emulator.js';
import { demoBotAppId, demoBotAppSecret, demoTenantId } from '../../emulators/entra/seed.js';
import { startGraphEmulator } from '../../emulators/graph/graph-emulator.js';
import type { Scenario } from './scenario-schema.js';
import { scoreScenario, type ScenarioResult } from './score.js';
import type { EvalExtension } from './eval-extension.js';
import { flattenEffects } from './tenant-effects.js';
import { directoryUser, graphSeedFor, turnActorFor } from './tenant-seed.js';

export type EvalModel = 'obedient' | 'offline';

export interface RunOptions {
  entra: EntraEmulator;
  model: EvalModel;
  /** Folder for per-scenario audit logs. */
  workDir: string;
  /** Extra environment for the agent's configuration. */
  env?: Record<string, string>;
  /** A fork's tools under evaluation (--extension). */
  extension?: EvalExtension;
}

export async function runScenario(scenario: Scenario, options: RunOptions): Promise<ScenarioResult> {
  const graph = await startGraphEmulator({ entra: options.entra });
  try {
    graph.seed(graphSeedFor(scenario));
    const actor = turnActorFor(directoryUser(scenario.actor));
    // The production identity path: the actor's SSO token comes from the Entra emulator (dev SSO,
    // as for the Agents Playground), then on-behalf-of gives Graph tokens with exactly the tool's scopes.
    const config = loadConfig({
      ...process.env,
      AUTH_MODE: 'dev-anonymous',
      HOST: '127.0.0.1',
      PORT: '0',
      BOT_APP_ID: demoBotAppId,
      BOT_TENANT_ID: demoTenantId,
      BOT_CLIENT_SECRET: demoBotAppSecret,
      ENTRA_AUTHORITY_HOST: options.entra.url,
      SSO_DEV_USER: scenario.actor,
      MODEL_PROVIDER: options.model,
      GRAPH_BASE_URL: `${graph.url}/v1.0`,
      AUDIT_LOG_PATH: join(options.workDir, `${scenario.id}.audit.jsonl`),
      // Each scenario starts from fresh state (rate limits, canaries, approvals).
      STATE_BACKEND: 'memory',
      ...options.env,
    });
    // The extension's scopes are consented like the shipped write scopes: by the user.
    if (options.extension?.consent.length) options.entra.grantConsent(scenario.actor, options.extension.consent);
    const runtime = await createAgentRuntime(config, { tools: options.extension?.tools ?? [] });
    const replies: TurnReply[] = [];
    try {
      for (const [i, text] of scenario.messages.entries()) {
        const reply = await runtime.runTurn({ text, actor, conversationId: `eval-${scenario.id}`, channelId: 'msteams', correlationId: `eval-${scenario.id}-${i + 1}` });
        replies.push(reply);
        // The user confirms every confirmation card unread (the worst case: a confirmation is not counted as a defence).
        // Approval requests stay pending: nobody approves in the evaluation.
        for (const held of reply.held ?? []) {
          if (held.kind !== 'confirmation') continue;
          const stored = await runtime.approvals.store.get(held.approvalId);
          await runtime.approvals.decide({ id: held.approvalId, verb: 'confirm', actor, cardHash: stored?.argsSha256 });
        }
      }
    } finally {
      await runtime.close();
    }
    const denied = graph.requests().filter((r) => r.status === 403 || r.status === 404).length;
    return scoreScenario(scenario, replies, flattenEffects(graph.effects()), denied);
  } catch (err) {
    return {
      id: scenario.id,
      kind: scenario.kind,
      family: scenario.family,
      description: scenario.description,
      stoppedBy: [],
      effects: [],
      unexpectedEffects: [],
      leaks: [],
      toolCalls: [],
      outcomes: [],
      failures: ['the evaluator could not run this scenario'],
      replyExcerpt: '',
      error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
      ...(scenario.kind === 'benign' ? { utility: false } : {}),
    };
  } finally {
    await graph.close();
  }
}
