// Builds the model's message list. The system prompt is always its own first
// message and is never joined with other text; user text only ever goes into
// user messages; tool output only into tool messages, and only spotlighted.
import type { ChatMessage, ModelToolCall } from '../model/model-types.js';
import { PromptError } from './prompt-error.js';
import type { SpotlightedText } from './spotlight.js';

/**
 * A message of an earlier turn as the history keeps it. Tool output that was
 * untrusted then carries `untrusted` and is spotlighted again with this turn's
 * marker: it stays data, never instructions, however many turns later.
 */
export type EarlierMessage = ChatMessage | { role: 'tool'; toolCallId: string; content: string; untrusted: { source: string } };

export interface AssembleInput {
  systemPrompt: string;
  /** Earlier turns (user / assistant / tool). System messages in it are dropped: only ours exists. */
  history?: ChatMessage[];
  userText: string;
}

// A user cannot open a data block or a chat-template role either.
const boundaryChars = /[\u27E6\u27E7]/g;
const templateTokens = /<\|[a-z_]{1,20}\|>/gi;

export function sanitizeUserText(text: string): string {
  return text.replace(boundaryChars, (c) => (c === '\u27E6' ? '[' : ']')).replace(templateTokens, '');
}

export function assembleMessages(input: AssembleInput): ChatMessage[] {
  if (typeof input.systemPrompt !== 'string' || input.systemPrompt.trim() === '') throw new PromptError('system prompt is empty');
  if (typeof input.userText !== 'string') throw new PromptError('user text must be a string');
  const history = (input.history ?? []).filter((m) => m.role !== 'system');
  return [{ role: 'system', content: input.systemPrompt }, ...history.map(copyMessage), { role: 'user', content: sanitizeUserText(input.userText) }];
}

/** Appends the result of one tool call; the call must be one the model made in this conversation. */
export function appendToolResult(messages: ChatMessage[], call: Pick<ModelToolCall, 'id'>, spotlightedContent: SpotlightedText): ChatMessage[] {
  const known = messages.some((m) => m.role === 'assistant' && (m.toolCalls ?? []).some((c) => c.id === call.id));
  if (!known) throw new PromptError('tool result for a call the model did not make; append the assistant message with its toolCalls first');
  return [...messages, { role: 'tool', toolCallId: call.id, content: spotlightedContent }];
}

function copyMessage(m: ChatMessage): ChatMessage {
  // Earlier user text obeys the same rule as this turn's: it cannot open a data block.
  if (m.role === 'user') return { role: 'user', content: sanitizeUserText(m.content) };
  return m.role === 'assistant' && m.toolCalls ? { ...m, toolCalls: m.toolCalls.map((c) => ({ ...c })) } : { ...m };
}
