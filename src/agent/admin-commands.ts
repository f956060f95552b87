// Commands for the security team: a view of recent audited turns (Auditor) and
// a policy reload (Admin). Role checks wrap them in agent-runtime.ts.
import type { AgentCommand } from './agent-app.js';
import type { LocalAuditLog } from '../audit/local-audit-log.js';
import type { TurnRecord } from '../audit/turn-record.js';

/**
 * Reads only the end of the log, backwards, with async reads: the newest records and the chain
 * from the last signed checkpoint. The full check is `npm run audit:verify`, off the agent.
 */
export function auditCommand(auditLog: Pick<LocalAuditLog, 'recent' | 'checkTail'>, count = 10): AgentCommand {
  return {
    names: ['audit', 'audit log'],
    description: 'Show the most recent audited turns and check the audit chain',
    async run(context) {
      const [tail, entries] = await Promise.all([auditLog.checkTail(), auditLog.recent(count)]);
      const chain = tail.ok
        ? `chain intact from the last signed checkpoint (${tail.checked} entries checked, last #${tail.lastSeq})`
        : `CHAIN BROKEN after record ${tail.lastSeq}: ${tail.reason ?? 'unknown'}`;
      const lines = entries.map((e) => {
        const r = e.body as Partial<TurnRecord>;
        const tools = Array.isArray(r.toolCalls) ? r.toolCalls.length : 0;
        return `#${e.seq} ${e.at} ${r.outcome ?? '?'} · ${r.channelId ?? '?'} · tools ${tools}${r.tainted ? ' · untrusted content' : ''} · ${r.correlationId ?? ''}`;
      });
      await context.sendActivity([`Audit log: ${chain}.`, ...(lines.length ? lines : ['No turns recorded yet.'])].join('\n\n'));
    },
  };
}

export function reloadPolicyCommand(reload: () => Promise<string[]>): AgentCommand {
  return {
    names: ['reload policy', 'reload policies'],
    description: 'Reload the guard and tool policies from their files',
    async run(context) {
      try {
        const reloaded = await reload();
        await context.sendActivity(`Reloaded: ${reloaded.join(', ')}.`);
      } catch (err) {
        // Policy files are ours, not the user's: the message says which file is wrong, never a stack.
        await context.sendActivity(`The policies were NOT reloaded; the running ones stay in force. ${err instanceof Error ? err.message.split('\n')[0] : ''}`);
      }
    },
  };
}
