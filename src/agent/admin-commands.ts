// Commands for the security team: a view of recent audited turns (Auditor) and
// a policy reload (Admin). Role checks wrap them in agent-runtime.ts.
import type { AgentCommand } from './agent-app.js';
import { MessageFactory } from '@microsoft/agents-hosting';
import type { LocalAuditLog } from '../audit/local-audit-log.js';
import { messageText } from './activity-actor.js';
import { buildAuditCard, matchesAuditQuery, parseAuditQuery } from './audit-card.js';

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
