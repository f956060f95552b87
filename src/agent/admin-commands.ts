// Commands for the security team: a view of recent audited turns (Auditor) and
// a policy reload (Admin). Role checks wrap them in agent-runtime.ts.
import type { AgentCommand } from './agent-app.js';
import { readRecentAuditEntries, verifyAuditLog } from '../audit/local-audit-log.js';
import type { TurnRecord } from '../audit/turn-record.js';

export function auditCommand(auditLogPath: string, count = 10): AgentCommand {
  return {
    names: ['audit', 'audit log'],
    description: 'Show the most recent audited turns and check the audit chain',
    async run(context) {
      const [verification, entries] = await Promise.all([verifyAuditLog(auditLogPath), readRecentAuditEntries(auditLogPath, count)]);
      const chain = verification.ok ? `chain intact (${verification.entries} records)` : `CHAIN BROKEN at record ${verification.brokenAt}: ${verification.reason}`;
      const lines = entries.map((e) => {
        const r = e.record as Partial<TurnRecord>;
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
