// Application Insights: where the AgentTurn events, turn requests and
// dependencies go. Off unless a connection string is configured.
import { z } from 'zod';
import { envInt } from '../env-schema.js';

export const appInsightsSettings = z
  .object({
    APPLICATIONINSIGHTS_CONNECTION_STRING: z.string().optional(),
    /** connection-string: the instrumentation key alone; managed-identity: Entra ID token for ingestion (local auth off on the resource). */
    APPLICATIONINSIGHTS_AUTH: z.enum(['connection-string', 'managed-identity']).optional(),
    /** Client id of a user-assigned managed identity; empty means the system-assigned one. */
    APPLICATIONINSIGHTS_MANAGED_IDENTITY_CLIENT_ID: z.string().optional(),
    /** Sampling of turn requests and dependencies; AgentTurn events are never sampled. */
    APPLICATIONINSIGHTS_SAMPLING_PERCENTAGE: envInt(100, 1, 100),
  })
  .superRefine((env, ctx) => {
    const cs = env.APPLICATIONINSIGHTS_CONNECTION_STRING?.trim();
    if (cs && !/InstrumentationKey=[0-9a-f-]{36}/i.test(cs)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['APPLICATIONINSIGHTS_CONNECTION_STRING'], message: 'expected an Application Insights connection string (InstrumentationKey=…;IngestionEndpoint=…)' });
    }
  })
  .transform((env) => ({
    connectionString: env.APPLICATIONINSIGHTS_CONNECTION_STRING?.trim() || undefined,
    auth: env.APPLICATIONINSIGHTS_AUTH ?? 'connection-string',
    managedIdentityClientId: env.APPLICATIONINSIGHTS_MANAGED_IDENTITY_CLIENT_ID?.trim() || undefined,
    samplingPercentage: env.APPLICATIONINSIGHTS_SAMPLING_PERCENTAGE,
  }));

export type AppInsightsSettings = z.output<typeof appInsightsSettings>;
