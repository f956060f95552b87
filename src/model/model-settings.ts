// Settings of the model layer. The provider defaults from what is configured:
// an Azure OpenAI endpoint wins, then an OpenAI-compatible base URL, else the
// offline demo model so a fresh clone runs with no network and no keys.
import { z } from 'zod';
import { envInt } from '../env-schema.js';
import type { ModelProvider } from './model-types.js';

export const DEFAULT_AZURE_OPENAI_API_VERSION = '2024-10-21';

export interface AzureOpenAiSettings {
  endpoint: string;
  deployment: string;
  apiVersion: string;
  /** Optional; without it the client is keyless (Entra ID token). */
  apiKey?: string;
  /** Client id of a user-assigned managed identity; when set, ManagedIdentityCredential is used. */
  managedIdentityClientId?: string;
}

export interface OpenAiCompatibleSettings {
  baseUrl: string;
  model: string;
  /** Optional: Ollama, vLLM and llama.cpp servers often run without one. */
  apiKey?: string;
}

export interface ModelSettings {
  provider: ModelProvider;
  timeoutMs: number;
  maxRetries: number;
  /** Colleague, site and list the offline model's help examples name (unset: examples that need them are left out). */
  helpExamples?: { colleague?: string; site?: string; list?: string };
  azure?: AzureOpenAiSettings;
  openAiCompatible?: OpenAiCompatibleSettings;
}

const providers = ['offline', 'azure-openai', 'openai-compatible', 'obedient'] as const;
const loopback = new Set(['127.0.0.1', '::1', '[::1]', 'localhost']);

/** Unset and blank mean the same: env files often carry `NAME=`. */
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

function urlProblem(value: string, name: string, needsHttps: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${name} is not a valid URL; expected e.g. https://my-resource.openai.azure.com`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `${name} must start with https:// (or http:// for a local server)`;
  if (url.username || url.password) return `${name} must not contain credentials; use the API key setting or keyless auth instead`;
  if (needsHttps && url.protocol === 'http:' && !loopback.has(url.hostname)) {
    return `${name} uses http:// to a non-local host, which would send credentials in clear text; use https://`;
  }
  return undefined;
}

export const modelSettings = z
  .object({
    MODEL_PROVIDER: z
      .string()
      .optional()
      .transform((v, ctx): ModelProvider | undefined => {
        const value = v?.trim().toLowerCase();
        if (!value) return undefined;
        if ((providers as readonly string[]).includes(value)) return value as ModelProvider;
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be one of ${providers.join(', ')} (leave it unset to choose from what is configured)` });
        return z.NEVER;
      }),
    AZURE_OPENAI_ENDPOINT: optionalText,
    AZURE_OPENAI_DEPLOYMENT: optionalText,
    AZURE_OPENAI_API_VERSION: optionalText,
    AZURE_OPENAI_API_KEY: optionalText,
    AZURE_CLIENT_ID: optionalText,
    OPENAI_BASE_URL: optionalText,
    OPENAI_API_KEY: optionalText,
    OPENAI_MODEL: optionalText,
    MODEL_TIMEOUT_MS: envInt(60_000, 1_000, 600_000),
    MODEL_MAX_RETRIES: envInt(2, 0, 10),
    // What the offline model's help names as examples: they must exist in the tenant.
    OFFLINE_HELP_COLLEAGUE: optionalText,
    OFFLINE_HELP_SITE: optionalText,
    OFFLINE_HELP_LIST: optionalText,
  })
  .transform((env, ctx): ModelSettings => {
    const problem = (path: string, message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message });
    const provider: ModelProvider =
      env.MODEL_PROVIDER || (env.AZURE_OPENAI_ENDPOINT ? 'azure-openai' : env.OPENAI_BASE_URL ? 'openai-compatible' : 'offline');
    const helpExamples = { colleague: env.OFFLINE_HELP_COLLEAGUE, site: env.OFFLINE_HELP_SITE, list: env.OFFLINE_HELP_LIST };
    const base = { provider, timeoutMs: env.MODEL_TIMEOUT_MS, maxRetries: env.MODEL_MAX_RETRIES, helpExamples };

    if (provider === 'azure-openai') {
      if (!env.AZURE_OPENAI_ENDPOINT) {
        problem('AZURE_OPENAI_ENDPOINT', 'required with MODEL_PROVIDER=azure-openai: your resource endpoint, e.g. https://my-resource.openai.azure.com (or unset MODEL_PROVIDER to use the offline demo model)');
      } else {
        const bad = urlProblem(env.AZURE_OPENAI_ENDPOINT, 'AZURE_OPENAI_ENDPOINT', true);
        if (bad) problem('AZURE_OPENAI_ENDPOINT', bad);
      }
      if (!env.AZURE_OPENAI_DEPLOYMENT) {
        problem('AZURE_OPENAI_DEPLOYMENT', 'required with azure-openai: the name of your model deployment (Azure portal → your resource → Deployments), e.g. gpt-4o-mini');
      }
      if (env.AZURE_OPENAI_API_VERSION && !/^\d{4}-\d{2}-\d{2}(-preview)?$/.test(env.AZURE_OPENAI_API_VERSION)) {
        problem('AZURE_OPENAI_API_VERSION', `expected a date version such as ${DEFAULT_AZURE_OPENAI_API_VERSION} (optionally ending in -preview)`);
      }
      return {
        ...base,
        azure: {
          endpoint: env.AZURE_OPENAI_ENDPOINT ?? '',
          deployment: env.AZURE_OPENAI_DEPLOYMENT ?? '',
          apiVersion: env.AZURE_OPENAI_API_VERSION ?? DEFAULT_AZURE_OPENAI_API_VERSION,
          apiKey: env.AZURE_OPENAI_API_KEY,
          managedIdentityClientId: env.AZURE_CLIENT_ID,
        },
      };
    }

    if (provider === 'openai-compatible') {
      if (!env.OPENAI_BASE_URL) {
        problem('OPENAI_BASE_URL', 'required with MODEL_PROVIDER=openai-compatible: the server\'s base URL including /v1, e.g. http://127.0.0.1:11434/v1 for Ollama');
      } else {
        const bad = urlProblem(env.OPENAI_BASE_URL, 'OPENAI_BASE_URL', env.OPENAI_API_KEY !== undefined);
        if (bad) problem('OPENAI_BASE_URL', bad);
      }
      if (!env.OPENAI_MODEL) {
        problem('OPENAI_MODEL', 'required with openai-compatible: the model name the server serves, e.g. llama3.1 (Ollama) or the --served-model-name of vLLM');
      }
      return { ...base, openAiCompatible: { baseUrl: env.OPENAI_BASE_URL ?? '', model: env.OPENAI_MODEL ?? '', apiKey: env.OPENAI_API_KEY } };
    }

    return base;
  });

export type ModelSettingsInput = z.input<typeof modelSettings>;
