// The turn pipeline's use of the conversation history: load the earlier turns
// before the prompt, save this one after the answer. A store that fails never
// fails the turn: it is answered without history and says so.
import { recordStage, type TurnActor, type TurnRecord } from '../audit/turn-record.js';
import { createLogger } from '../logging/logger.js';
import type { EarlierMessage } from '../prompt/assemble-messages.js';
import type { ConversationKey, HistoryCall, HistoryTurn } from '../state/conversation-history.js';
import type { DataZone } from '../tools/tool.js';
import type { HistoryPort } from './pipeline-ports.js';

const log = createLogger('pipeline.history');

export interface TurnHistory {
  turns: HistoryTurn[];
  messages: EarlierMessage[];
  /** The store did not answer: this turn runs without the earlier ones. */
  loadFailed: boolean;
  saveFailed: boolean;
}

/** Whose history a turn reads: the user by Entra object id when known, in this tenant and conversation. */
export function conversationKeyOf(actor: Pick<TurnActor, 'userId' | 'aadObjectId' | 'tenantId'>, conversationId: string): ConversationKey {
  return { tenantId: actor.tenantId, conversationId, userId: actor.aadObjectId ?? actor.userId };
}

export async function loadHistory(port: HistoryPort | undefined, request: { actor: TurnActor; conversationId: string }, record: TurnRecord): Promise<TurnHistory> {
  const history: TurnHistory = { turns: [], messages: [], loadFailed: false, saveFailed: false };
  if (!port) return history;
  try {
    history.turns = await recordStage(record, 'history', () => port.load(conversationKeyOf(request.actor, request.conversationId)), (t) => ({ turns: t.length }));
  } catch (err) {
    history.loadFailed = true;
    log.warn('conversation history unavailable; answering without it', { correlationId: record.correlationId, error: err instanceof Error ? err.name : 'error' });
  }
  history.messages = history.turns.flatMap(messagesOf);
  return history;
}

/** An earlier turn as the model sees it again: user, each call with its result, the answer. */
function messagesOf(turn: HistoryTurn): EarlierMessage[] {
  const messages: EarlierMessage[] = [{ role: 'user', content: turn.user }];
  for (const call of turn.calls) {
    messages.push({ role: 'assistant', content: null, toolCalls: [{ id: call.id, name: call.name, arguments: call.arguments }] });
    messages.push(call.untrusted ? { role: 'tool', toolCallId: call.id, content: call.result, untrusted: { source: call.name } } : { role: 'tool', toolCallId: call.id, content: call.result });
  }
  messages.push({ role: 'assistant', content: turn.answer });
  return messages;
}

export async function saveTurn(
  port: HistoryPort | undefined,
  request: { actor: TurnActor; conversationId: string },
  record: TurnRecord,
  history: TurnHistory,
  turn: { user: string; calls: HistoryCall[]; answer: string; tainted: boolean },
): Promise<void> {
  if (!port) return;
  const zone = highestZone(turn.calls);
  try {
    await recordStage(record, 'history-save', () => port.append(conversationKeyOf(request.actor, request.conversationId), { at: Date.now(), ...turn, ...(zone ? { zone } : {}) }), () => ({ calls: turn.calls.length }));
  } catch (err) {
    history.saveFailed = true;
    log.warn('turn not saved to the conversation history', { correlationId: record.correlationId, error: err instanceof Error ? err.name : 'error' });
  }
}

/** The line a reply gets when the history could not be used or kept. */
export function historyNotice(history: TurnHistory): string {
  if (history.loadFailed) return '\n\n_(I could not reach our earlier messages just now, so I answered this one on its own.)_';
  if (history.saveFailed) return '\n\n_(I could not save this exchange, so I may not remember it in your next message.)_';
  return '';
}

const RANK: Record<DataZone, number> = { public: 0, internal: 1, confidential: 2 };

function highestZone(calls: HistoryCall[]): DataZone | undefined {
  let best: DataZone | undefined;
  for (const call of calls) {
    if (!call.untrusted) continue;
    const zone = call.zone ?? 'internal';
    if (best === undefined || RANK[zone] > RANK[best]) best = zone;
  }
  return best;
}
