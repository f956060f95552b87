// Public surface of the prompt layer.
export { createPromptSession, type PromptSession, type PromptSessionOptions, type WrapResult } from './prompt-session.js';
export { createPromptSessionStore, type PromptSessionStore, type PromptSessionStoreOptions } from './prompt-session-store.js';
export { assembleMessages, appendToolResult, sanitizeUserText, type AssembleInput, type EarlierMessage } from './assemble-messages.js';
export { spotlight, despotlight, readDataBlocks, neutralizeUntrusted, newSpotlightMarker, DATA_MARK, type SpotlightMarker, type SpotlightedText, type DataBlock } from './spotlight.js';
export { selectRelevantChunks, splitIntoChunks, queryTerms, DEFAULT_BUDGET_CHARS, type ChunkOptions, type ChunkSelection } from './relevance-chunker.js';
export { newCanary, isCanary, containsCanary, leakRefs } from './canary.js';
export { loadSystemPromptTemplate, parseSystemPromptTemplate, renderSystemPrompt, SYSTEM_PROMPT_FILE, type SystemPromptTemplate } from './system-prompt.js';
export { PromptError } from './prompt-error.js';
