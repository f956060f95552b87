// Public surface of the model layer.
export type { ChatMessage, ModelClient, ModelProvider, ModelRequest, ModelResponse, ModelToolCall, ModelToolSpec } from './model-types.js';
export { ModelError, type ModelErrorCode } from './model-error.js';
export { modelSettings, DEFAULT_AZURE_OPENAI_API_VERSION, type ModelSettings, type AzureOpenAiSettings, type OpenAiCompatibleSettings } from './model-settings.js';
export { createModelClient, type ModelClientDependencies } from './create-model-client.js';
export { createAzureOpenAiClient, azureCredentialFor, COGNITIVE_SERVICES_SCOPE, type AzureOpenAiClientOptions } from './azure-openai-client.js';
export { createOpenAiCompatibleClient, type OpenAiCompatibleClientOptions } from './openai-compatible-client.js';
export { createOfflineModel, OFFLINE_LABEL, OFFLINE_FOOTER, type OfflineModelOptions } from './offline/offline-model.js';
export { createObedientModel, OBEDIENT_LABEL, OBEDIENT_FOOTER, type ObedientModelOptions } from './obedient/obedient-model.js';
export { parseIntent, type Intent } from './offline/intent-parser.js';
