// What has happened in the current turn, read from the message list alone:
// the model is stateless, so a multi-step plan resumes from the messages.
import type { ChatMessage, ModelToolCall, ModelToolSpec } from '../model-types.js';

export interface TurnStep {
  call: ModelToolCall;
  /** The tool message content, when the result is back. */
  result?: string;
}

export interface TurnState {
  userText: string;
  /** Calls made since the last user message, in order, with their results. */
  steps: TurnStep[];
  /** Every tool call in the conversation (for unique ids and "this document"). */
  allCalls: ModelToolCall[];
  /** Every call of the conversation with its result, oldest first (earlier turns come from the history). */
  allSteps: TurnStep[];
  /** The answers given in earlier turns, oldest first ("send that summary"). */
  earlierAnswers: string[];
  systemPrompt: string;
}

export function readTurnState(messages: ChatMessage[]): TurnState {
  let lastUser = -1;
  messages.forEach((m, i) => {
    if (m.role === 'user') lastUser = i;
  });
  const userMessage = lastUser >= 0 ? messages[lastUser] : undefined;
  const results = new Map<string, string>();
  for (const m of messages) if (m.role === 'tool') results.set(m.toolCallId, m.content);
  const allCalls: ModelToolCall[] = [];
  const allSteps: TurnStep[] = [];
  const steps: TurnStep[] = [];
  const earlierAnswers: string[] = [];
  messages.forEach((m, i) => {
    if (m.role !== 'assistant') return;
    if (i < lastUser && m.content && !(m.toolCalls ?? []).length) earlierAnswers.push(m.content);
    for (const call of m.toolCalls ?? []) {
      const step = { call, ...(results.has(call.id) ? { result: results.get(call.id) } : {}) };
      allCalls.push(call);
      allSteps.push(step);
      if (i > lastUser) steps.push(step);
    }
  });
  const system = messages.find((m) => m.role === 'system');
  return { userText: userMessage && userMessage.role === 'user' ? userMessage.content : '', steps, allCalls, allSteps, earlierAnswers, systemPrompt: system?.content ?? '' };
}

/** Shapes arguments to the tool's JSON Schema: arrays vs strings, and only declared properties. */
export function fitArguments(spec: ModelToolSpec | undefined, args: Record<string, unknown>): Record<string, unknown> {
  const props = (spec?.parameters?.properties ?? {}) as Record<string, { type?: unknown }>;
  const declared = Object.keys(props);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) {
    if (value === undefined) continue;
    if (declared.length > 0 && !declared.includes(key)) continue;
    const type = props[key]?.type;
    const wantsArray = type === 'array' || (Array.isArray(type) && type.includes('array') && !type.includes('string'));
    if (wantsArray && typeof value === 'string') out[key] = value.split(',').map((s) => s.trim()).filter(Boolean);
    else if (type === 'string' && Array.isArray(value)) out[key] = value.join(', ');
    else out[key] = value;
  }
  return out;
}
