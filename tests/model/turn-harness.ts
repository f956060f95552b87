// Test helper: runs one agent-like turn loop (model → tools → model) with
// in-test tool functions, spotlighting tool output like the real pipeline.
import type { ChatMessage, ModelClient, ModelResponse, ModelToolSpec } from '../../src/model/model-types.js';
import { createPromptSession } from '../../src/prompt/prompt-session.js';

export type ToolImpl = (args: Record<string, any>) => string;

export interface TurnRun {
  reply: ModelResponse;
  calls: Array<{ name: string; args: Record<string, any> }>;
  messages: ChatMessage[];
  systemPrompt: string;
  canary: string;
}

export const demoToolNames = ['who_am_i', 'search_files', 'read_file', 'list_recent_files', 'list_site_pages', 'list_list_items', 'send_mail', 'create_sharing_link', 'delete_file', 'create_event'];

const schemas: Record<string, Record<string, unknown>> = {
  search_files: { type: 'object', properties: { query: { type: 'string' } }, required: ['query'] },
  read_file: { type: 'object', properties: { fileId: { type: 'string' } }, required: ['fileId'] },
  list_site_pages: { type: 'object', properties: { site: { type: 'string' } }, required: ['site'] },
  list_list_items: { type: 'object', properties: { site: { type: 'string' }, list: { type: 'string' } }, required: ['site', 'list'] },
  send_mail: { type: 'object', properties: { to: { type: 'array', items: { type: 'string' } }, subject: { type: 'string' }, body: { type: 'string' } } },
  create_sharing_link: { type: 'object', properties: { fileId: { type: 'string' }, scope: { type: 'string' }, recipients: { type: 'array', items: { type: 'string' } } } },
  delete_file: { type: 'object', properties: { fileId: { type: 'string' } } },
  create_event: { type: 'object', properties: { subject: { type: 'string' }, start: { type: 'string' }, end: { type: 'string' }, attendees: { type: 'array', items: { type: 'string' } } } },
};

export function toolSpecs(names: string[] = demoToolNames): ModelToolSpec[] {
  return names.map((name) => ({ name, description: `${name} tool`, parameters: schemas[name] ?? { type: 'object', properties: {} } }));
}

export async function runTurn(model: ModelClient, userText: string, impls: Record<string, ToolImpl>, names: string[] = demoToolNames, maxRounds = 8, earlier: ChatMessage[] = []): Promise<TurnRun> {
  const session = createPromptSession();
  let messages = session.start(userText, earlier);
  const calls: TurnRun['calls'] = [];
  const tools = toolSpecs(names);
  for (let round = 0; round < maxRounds; round++) {
    const reply = await model.complete({ messages, tools });
    if (reply.toolCalls.length === 0) return { reply, calls, messages, systemPrompt: session.systemPrompt, canary: session.canary };
    messages = [...messages, { role: 'assistant', content: reply.content, toolCalls: reply.toolCalls }];
    for (const call of reply.toolCalls) {
      const args = JSON.parse(call.arguments) as Record<string, any>;
      calls.push({ name: call.name, args });
      const impl = impls[call.name];
      const output = impl ? impl(args) : `error: unknown tool ${call.name}`;
      messages = session.appendToolResult(messages, call, session.wrapUntrusted(output, `tool:${call.name}`));
    }
  }
  throw new Error('turn did not finish');
}

/** Several turns of one conversation: each turn sees the earlier ones (as the pipeline's history gives them). */
export async function runConversation(model: ModelClient, texts: string[], impls: Record<string, ToolImpl>, names: string[] = demoToolNames): Promise<TurnRun[]> {
  const runs: TurnRun[] = [];
  let earlier: ChatMessage[] = [];
  for (const text of texts) {
    const run = await runTurn(model, text, impls, names, 8, earlier);
    runs.push(run);
    earlier = [...run.messages.filter((m) => m.role !== 'system'), { role: 'assistant', content: run.reply.content }];
  }
  return runs;
}
