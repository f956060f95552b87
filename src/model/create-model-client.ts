// Picks the model client from the validated settings.
import type { TokenCredential } from '@azure/identity';
import { createAzureOpenAiClient } from './azure-openai-client.js';
import { ModelError } from './model-error.js';
import type { ModelSettings } from './model-settings.js';
import type { ModelClient } from './model-types.js';
import { createObedientModel } from './obedient/obedient-model.js';
import { createOfflineModel } from './offline/offline-model.js';
import { createOpenAiCompatibleClient } from './openai-compatible-client.js';
import { createLogger } from '../logging/logger.js';

const log = createLogger('model');

export interface ModelClientDependencies {
  /** Clock for the offline / obedient models' relative dates. */
  now?: () => Date;
  /** Azure credential chosen by the host (e.g. workload identity); default from settings. */
  credential?: TokenCredential;
}

export function createModelClient(settings: ModelSettings, deps: ModelClientDependencies = {}): ModelClient {
  switch (settings.provider) {
    case 'offline':
      return createOfflineModel({ now: deps.now, examples: settings.helpExamples });
    case 'obedient':
      // Loud on purpose: this model obeys any injected instruction and must never serve real users.
      log.warn('MODEL_PROVIDER=obedient: the worst-case evaluation model is active; never use it in production');
      return createObedientModel({ now: deps.now, examples: settings.helpExamples });
    case 'azure-openai':
      if (!settings.azure) throw new ModelError('bad-request', 'azure-openai needs AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_DEPLOYMENT');
      return createAzureOpenAiClient({ ...settings.azure, timeoutMs: settings.timeoutMs, maxRetries: settings.maxRetries, ...(deps.credential ? { credential: deps.credential } : {}) });
    case 'openai-compatible':
      if (!settings.openAiCompatible) throw new ModelError('bad-request', 'openai-compatible needs OPENAI_BASE_URL and OPENAI_MODEL');
      return createOpenAiCompatibleClient({ ...settings.openAiCompatible, timeoutMs: settings.timeoutMs, maxRetries: settings.maxRetries });
  }
}
