// Commands for the security team: a view of recent audited turns (Auditor);
// policy reload, the kill switch (`admin mode`) and `status` (Admin). Role
// checks wrap them in agent-runtime.ts; each one's AgentTurn says what it changed.
import type { AgentCommand } from './agent-app.js';
import { MessageFactory, type TurnContext } from '@microsoft/agents-hosting';
import type { LocalAuditLog } from '../audit/local-audit-log.js';
import { scrubText } from '../logging/scrub.js';
import { StateError } from '../state/state-errors.js';
import { messageText } from './activity-actor.js';
import { auditedTurnOf, noteTurn } from './activity-audit.js';
import { agentModes, type AgentMode, type AgentModeSwitch, type ModeChange } from './agent-mode.js';
import { buildAuditCard, matchesAuditQuery, parseAuditQuery } from './audit-card.js';
import { buildStatusCard, type AgentStatus } from './status-card.js';
import type { PolicyReloadResult } from './wiring/build-ports.js';

/**
 * Reads only the end of the log, backwards, with async reads: the newest records and the chain
 * from the last signed checkpoint, as a paged Adaptive Card (`audit [user <oid>] [conversation <id>]
 * [page <n>]`). The full check is `npm run audit:verify`, off the agent.
 */
export function auditCommand(auditLog: Pick<LocalAuditLog, 'recent' | 'checkTail'>, pageSize = 10): AgentCommand {
  return {
    names: ['audit', 'audit log'],
    withArguments: true,
    description: 'Show the most recent audited turns (audit user <oid> | conversation <id> | page <n>) and check the audit chain',
    async run(context) {
      const query = parseAuditQuery(messageText(context.activity));
      const [tail, entries] = await Promise.all([
        auditLog.checkTail(),
        auditLog.recent(pageSize, { filter: matchesAuditQuery(query), skip: (query.page - 1) * pageSize, maxScanBytes: 64 * 1024 * 1024 }),
      ]);
      const chain = tail.ok
        ? `chain intact from the last signed checkpoint (${tail.checked} entries checked, last #${tail.lastSeq})`
        : `CHAIN BROKEN after record ${tail.lastSeq}: ${tail.reason ?? 'unknown'}`;
      await context.sendActivity(MessageFactory.attachment(buildAuditCard({ chain, chainOk: tail.ok, query, entries, pageSize })));
    },
  };
}

/** Who ran a command, as the shared records keep it: ids and the display name the channel sent. */
function commandActor(context: TurnContext): ModeChange['by'] {
  const from = context.activity.from;
  const text = (v: unknown, max: number) => (typeof v === 'string' && v !== '' ? v.slice(0, max) : undefined);
  const aadObjectId = text(from?.aadObjectId, 64);
  const name = text(from?.name, 100);
  return { userId: text(from?.id, 200) ?? 'unknown', ...(aadObjectId ? { aadObjectId } : {}), ...(name ? { name } : {}) };
}

/** Appends what a command changed to the activity's AgentTurn (ids and versions, never user text beyond the redacted reason). */
function auditChange(context: TurnContext, stage: string, detail: Record<string, unknown>): void {
  auditedTurnOf(context)?.stages.push({ stage, at: new Date().toISOString(), durationMs: 0, detail });
}

export function reloadPolicyCommand(reload: (by: ModeChange['by']) => Promise<PolicyReloadResult>): AgentCommand {
  return {
    names: ['reload policy', 'reload policies'],
    description: 'Reload the guard and tool policies from their files',
    inMaintenance: true,
    async run(context) {
      try {
        const result = await reload(commandActor(context));
        auditChange(context, 'policy-reload', { previous: result.previous, next: result.next, announced: result.announced });
        const record = auditedTurnOf(context);
        if (record) record.versions = { ...record.versions, ...result.next };
        const changed = (['guardPolicy', 'toolPolicy'] as const).filter((k) => result.previous[k] !== result.next[k]);
        const what = changed.length ? changed.map((k) => `${k === 'guardPolicy' ? 'guard' : 'tool'} policy ${result.previous[k]} → ${result.next[k]}`).join('; ') : 'both files are unchanged';
        await context.sendActivity(`Reloaded: ${result.reloaded.join(', ')}. ${what}.`);
      } catch (err) {
        // Policy files are ours, not the user's: the message says which file is wrong, never a stack.
        noteTurn(context, { outcome: 'error', result: 'policy-reload-failed' });
        await context.sendActivity(`The policies were NOT reloaded; the running ones stay in force. ${err instanceof Error ? err.message.split('\n')[0] : ''}`);
      }
    },
  };
}

const modeNames: Record<string, AgentMode> = { normal: 'normal', 'read-only': 'read-only', readonly: 'read-only', maintenance: 'maintenance' };
const usage = `Usage: admin mode ${agentModes.join('|')} [reason]`;

/** `admin mode <mode> [reason]`: the words split on spaces, no pattern over the user's text. */
function parseModeCommand(text: string): { mode?: AgentMode; reason?: string; invalid?: true } {
  const words = text.trim().replace(/^\//, '').split(/\s+/);
  const requested = words[2]?.toLowerCase();
  if (requested === undefined) return {};
  const mode = modeNames[requested];
  if (!mode) return { invalid: true };
  // The reason is kept in shared state and the audit: bounded, personal data and secrets masked.
  const reason = words.slice(3).join(' ').slice(0, 200).trim();
  return { mode, ...(reason ? { reason: scrubText(reason).slice(0, 300) } : {}) };
}

export function modeCommand(modes: AgentModeSwitch): AgentCommand {
  return {
    names: ['admin mode'],
    withArguments: true,
    description: 'Switch every instance to read-only, maintenance or normal mode (admin mode <mode> [reason])',
    inMaintenance: true,
    async run(context) {
      const request = parseModeCommand(messageText(context.activity));
      if (!request.mode) {
        const state = await modes.state();
        await context.sendActivity(`${request.invalid ? 'Unknown mode. ' : ''}The agent is in ${state.mode} mode. ${usage}`);
        return;
      }
      try {
        const { previous, state } = await modes.set(request.mode, commandActor(context), request.reason);
        auditChange(context, 'agent-mode', { previous, next: request.mode, effective: state.mode, ...(request.reason ? { reason: request.reason } : {}) });
        noteTurn(context, { result: `mode:${request.mode}` });
        const held = state.mode !== request.mode ? ` This instance stays in ${state.mode} mode: its AGENT_MODE setting says so (change the app setting to lift it).` : '';
        await context.sendActivity(`The shared mode is now ${request.mode} (was ${previous}). Every instance applies it within ${Math.ceil(modes.cacheMs / 1000)} s.${held}`);
      } catch (err) {
        if (!(err instanceof StateError)) throw err;
        noteTurn(context, { outcome: 'error', result: 'mode:store-unavailable' });
        await context.sendActivity('The mode was NOT changed: the shared state store did not answer. To stop the agent without it, set the AGENT_MODE app setting (docs/incident-response.md).');
      }
    },
  };
}

export function statusCommand(status: () => Promise<AgentStatus>): AgentCommand {
  return {
    names: ['status', 'admin status'],
    description: 'Show the model, prompt and policy versions, the mode and this instance',
    inMaintenance: true,
    async run(context) {
      await context.sendActivity(MessageFactory.attachment(buildStatusCard(await status())));
    },
  };
}
