// Keeps one canary per conversation and hands out a fresh PromptSession per
// turn (so concurrent turns of one conversation never share a boundary
// marker). In memory with an LRU bound: after a restart a conversation simply
// gets a new canary, which is safe.
import { newCanary } from './canary.js';
import { createPromptSession, type PromptSession, type PromptSessionOptions } from './prompt-session.js';
import { loadSystemPromptTemplate } from './system-prompt.js';

export interface PromptSessionStoreOptions extends Omit<PromptSessionOptions, 'canary'> {
  /** Most conversations remembered; the least recently used is forgotten first. */
  maxConversations?: number;
}

export interface PromptSessionStore {
  /** A new session for one turn of this conversation, carrying the conversation's canary. */
  session(conversationId: string): PromptSession;
  /** The conversation's canary, if it has one (for audits and guards). */
  canaryOf(conversationId: string): string | undefined;
  readonly size: number;
}

export function createPromptSessionStore(options: PromptSessionStoreOptions = {}): PromptSessionStore {
  const { maxConversations = 10_000, ...sessionOptions } = options;
  const template = sessionOptions.template ?? loadSystemPromptTemplate();
  const canaries = new Map<string, string>();

  const canaryFor = (conversationId: string): string => {
    const key = String(conversationId ?? '');
    let canary = canaries.get(key);
    if (canary) canaries.delete(key);
    else canary = newCanary();
    canaries.set(key, canary);
    while (canaries.size > Math.max(1, maxConversations)) {
      const oldest = canaries.keys().next().value as string;
      canaries.delete(oldest);
    }
    return canary;
  };

  return {
    session: (conversationId) => createPromptSession({ ...sessionOptions, template, canary: canaryFor(conversationId) }),
    canaryOf: (conversationId) => canaries.get(conversationId),
    get size() {
      return canaries.size;
    },
  };
}
