// Puts a model client (by default the offline demo model) behind the
// emulator's wire protocol, so the production OpenAI-compatible / Azure
// adapters can be exercised end to end, tool calls included, with no LLM.
import type { ChatMessage, ModelClient, ModelToolSpec } from '../../src/model/model-types.js';
import { createOfflineModel } from '../../src/model/offline/offline-model.js';
import type { RecordedRequest, ScriptedReply } from './openai-compatible-emulator.js';

export function wireToChatMessages(wire: any[]): ChatMessage[] {
  return wire.map((m): ChatMessage => {
    const text = typeof m.content === 'string' ? m.content : Array.isArray(m.content) ? m.content.map((p: any) => (typeof p?.text === 'string' ? p.text : '')).join('') : '';
    switch (m.role) {
      case 'system':
      case 'developer':
        return { role: 'system', content: text };
      case 'assistant':
        return {
          role: 'assistant',
          content: typeof m.content === 'string' ? m.content : null,
          ...(Array.isArray(m.tool_calls) ? { toolCalls: m.tool_calls.map((c: any) => ({ id: String(c.id), name: String(c.function?.name), arguments: String(c.function?.arguments ?? '') })) } : {}),
        };
      case 'tool':
        return { role: 'tool', toolCallId: String(m.tool_call_id), content: text };
      default:
        return { role: 'user', content: text };
    }
  });
}

export function modelResponder(model: ModelClient = createOfflineModel()): (request: RecordedRequest) => Promise<ScriptedReply> {
  return async (request) => {
    const tools: ModelToolSpec[] = (request.body.tools ?? []).map((t: any) => ({ name: t.function.name, description: t.function.description ?? '', parameters: t.function.parameters ?? {} }));
    const res = await model.complete({ messages: wireToChatMessages(request.body.messages), tools });
    return { content: res.content, toolCalls: res.toolCalls.map((c) => ({ id: c.id, name: c.name, arguments: c.arguments })) };
  };
}
