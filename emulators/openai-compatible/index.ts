export { startOpenAiCompatibleEmulator, type OpenAiCompatibleEmulator, type OpenAiCompatibleEmulatorOptions, type RecordedRequest, type ScriptedReply, type ScriptedToolCall } from './openai-compatible-emulator.js';
export { modelResponder, wireToChatMessages } from './offline-model-responder.js';
