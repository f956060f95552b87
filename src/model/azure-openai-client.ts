// Azure OpenAI through the `openai` SDK's AzureOpenAI client. Keyless by
// default: an Entra ID token for Cognitive Services from DefaultAzureCredential,
// or from a user-assigned managed identity when its client id is configured.
import { DefaultAzureCredential, ManagedIdentityCredential, getBearerTokenProvider, type TokenCredential } from '@azure/identity';
import { AzureOpenAI } from 'openai';
import { completeChat, sdkLogger } from './chat-completions.js';
import type { AzureOpenAiSettings } from './model-settings.js';
import type { ModelClient, ModelRequest, ModelResponse } from './model-types.js';

export const COGNITIVE_SERVICES_SCOPE = 'https://cognitiveservices.azure.com/.default';

export interface AzureOpenAiClientOptions extends AzureOpenAiSettings {
  timeoutMs: number;
  maxRetries: number;
  /** Overrides the credential chosen from the settings (e.g. a workload identity credential built by the host). */
  credential?: TokenCredential;
}

/** The credential used when no API key is set. */
export function azureCredentialFor(opts: Pick<AzureOpenAiClientOptions, 'managedIdentityClientId' | 'credential'>): TokenCredential {
  if (opts.credential) return opts.credential;
  if (opts.managedIdentityClientId) return new ManagedIdentityCredential({ clientId: opts.managedIdentityClientId });
  return new DefaultAzureCredential();
}

export function createAzureOpenAiClient(opts: AzureOpenAiClientOptions): ModelClient {
  // The SDK falls back to AZURE_OPENAI_API_KEY / OPENAI_BASE_URL from the environment when an
  // option is undefined; pass explicit values (null = none) so only our validated settings count.
  const auth = opts.apiKey
    ? { apiKey: opts.apiKey }
    : { azureADTokenProvider: getBearerTokenProvider(azureCredentialFor(opts), COGNITIVE_SERVICES_SCOPE), apiKey: null as unknown as undefined };
  const sdk = new AzureOpenAI({
    baseURL: `${opts.endpoint.replace(/\/+$/, '')}/openai`,
    deployment: opts.deployment,
    apiVersion: opts.apiVersion,
    ...auth,
    timeout: opts.timeoutMs,
    maxRetries: opts.maxRetries,
    logger: sdkLogger('model.sdk'),
    logLevel: 'warn',
  });
  let host = 'invalid-url';
  try {
    host = new URL(opts.endpoint).host;
  } catch {
    // settings validation reports the bad URL; the label must not throw
  }
  const label = `azure-openai ${opts.deployment} @ ${host} (${opts.apiKey ? 'api key' : 'Entra ID'})`;
  return {
    provider: 'azure-openai',
    label,
    complete: (req: ModelRequest): Promise<ModelResponse> => completeChat(sdk, opts.deployment, req, 'Azure OpenAI'),
  };
}
