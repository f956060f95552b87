// Read-only (and maintenance) mode at the two places a tool can run: the policy
// decision inside a turn, and the run itself, which is also where a confirmed or
// approved action is executed later (the approval service runs tools it gets
// from this port). Only tools of the `read` risk class pass.
import type { ToolDefinition, ToolResult } from '../../tools/tool.js';
import type { PolicyDecision } from '../../tools/tool-policy.js';
import type { ToolsPort } from '../pipeline-ports.js';
import type { AgentMode } from '../agent-mode.js';

const modeDeniedRule = 'agent-mode';
const reason = (mode: AgentMode) =>
  `the agent is in ${mode} mode: an administrator has paused every action that writes, sends, shares or deletes. Reading still works.`;

export interface ModeSource {
  /** The last known mode, for the synchronous policy decision (refreshed at the start of each activity). */
  current(): AgentMode;
  /** The mode now (re-read when the cached copy is old), just before a tool runs. */
  state(): Promise<{ mode: AgentMode }>;
}

export function gateToolsByMode(tools: ToolsPort, mode: ModeSource): ToolsPort {
  // One stable wrapper per tool: callers may key caches (argument validators) on the tool object.
  const gated = new WeakMap<ToolDefinition, ToolDefinition>();
  const gate = (tool: ToolDefinition): ToolDefinition => {
    if (tool.risk === 'read') return tool;
    let wrapped = gated.get(tool);
    if (!wrapped) {
      wrapped = {
        ...tool,
        async run(args, ctx): Promise<ToolResult> {
          const { mode: now } = await mode.state();
          if (now !== 'normal') return { content: `Not run: ${reason(now)}`, untrusted: false, data: { error: `agent-mode:${now}` } };
          return tool.run(args, ctx);
        },
      };
      gated.set(tool, wrapped);
    }
    return wrapped;
  };
  return {
    list: () => tools.list(),
    get: (name) => {
      const tool = tools.get(name);
      return tool ? gate(tool) : undefined;
    },
    parseArguments: (tool, raw) => tools.parseArguments(tool, raw),
    // The earlier turns carry the conversation's taint: pass them on.
    newProvenance: (userText, earlier) => tools.newProvenance(userText, earlier),
    decide(tool, args, provenance, actor): PolicyDecision {
      const now = mode.current();
      if (now !== 'normal' && tool.risk !== 'read') return { decision: 'deny', rule: `${modeDeniedRule}:${now}`, reason: reason(now), flags: [], matched: [{ rule: `${modeDeniedRule}:${now}`, decision: 'deny' }] };
      return tools.decide(tool, args, provenance, actor);
    },
  };
}
