// One prompt session per conversation: it owns the conversation's canary and
// rendered system prompt; start() begins a turn with a fresh boundary marker
// and remembers the user's text so tool output can be cut to what is relevant.
import type { ChatMessage, ModelToolCall } from '../model/model-types.js';
import { appendToolResult, assembleMessages, type EarlierMessage } from './assemble-messages.js';
import { newCanary } from './canary.js';
import { selectRelevantChunks, type ChunkOptions, type ChunkSelection } from './relevance-chunker.js';
import { newSpotlightMarker, spotlight, type SpotlightMarker, type SpotlightedText } from './spotlight.js';
import { loadSystemPromptTemplate, renderSystemPrompt, type SystemPromptTemplate } from './system-prompt.js';

export interface PromptSessionOptions extends ChunkOptions {
  /** Defaults to newCanary(); pass the stored one when a conversation resumes. */
  canary?: string;
  /** Defaults to src/prompt/system-prompt.md. */
  template?: SystemPromptTemplate;
}

export interface WrapResult {
  text: SpotlightedText;
  selection: ChunkSelection;
}

export interface PromptSession {
  readonly canary: string;
  /** The rendered system prompt (includes the canary). Give it to the output guard, never to the user. */
  readonly systemPrompt: string;
  readonly systemPromptVersion: string;
  /** This turn's boundary marker (new on every start()). */
  readonly marker: SpotlightMarker;
  /** Begins a turn: [system prompt, ...history, user text]; earlier untrusted tool output is spotlighted with this turn's marker. */
  start(userText: string, history?: EarlierMessage[]): ChatMessage[];
  /** Relevant chunks of untrusted content (relative to this turn's user text), spotlighted. */
  wrapUntrusted(content: string, source: string): SpotlightedText;
  /** Same as wrapUntrusted, with what the chunker kept (for the turn record). */
  wrapUntrustedDetailed(content: string, source: string): WrapResult;
  appendToolResult(messages: ChatMessage[], call: Pick<ModelToolCall, 'id'>, content: SpotlightedText): ChatMessage[];
}

export function createPromptSession(options: PromptSessionOptions = {}): PromptSession {
  const template = options.template ?? loadSystemPromptTemplate();
  const canary = options.canary ?? newCanary();
  const systemPrompt = renderSystemPrompt(template, canary);
  let marker = newSpotlightMarker();
  let query = '';

  // Methods, not named arrows: a session is made per turn, and under tsx (keepNames) each named
  // arrow costs a defineProperty when it is created. None of them reads `this` (callers pass them around).
  return {
    canary,
    systemPrompt,
    systemPromptVersion: template.versionId,
    get marker() {
      return marker;
    },
    start(userText, history) {
      marker = newSpotlightMarker();
      query = typeof userText === 'string' ? userText : '';
      const earlier = (history ?? []).map((m): ChatMessage =>
        m.role === 'tool' && 'untrusted' in m ? { role: 'tool', toolCallId: m.toolCallId, content: spotlight(m.content, m.untrusted.source, marker) } : m,
      );
      return assembleMessages({ systemPrompt, history: earlier, userText });
    },
    wrapUntrusted(content, source) {
      return wrapChunks(content, source, query, marker, options).text;
    },
    wrapUntrustedDetailed(content, source) {
      return wrapChunks(content, source, query, marker, options);
    },
    appendToolResult,
  };
}

/** Relevant chunks of untrusted content for this turn's query, spotlighted with its marker. */
function wrapChunks(content: string, source: string, query: string, marker: SpotlightMarker, options: ChunkOptions): WrapResult {
  const selection = selectRelevantChunks(typeof content === 'string' ? content : String(content ?? ''), query, options);
  return { text: spotlight(selection.text, source, marker), selection };
}
