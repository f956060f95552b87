// Error bodies in the shape Entra's token endpoint uses (OAuth 2.0 error plus
// AADSTS details), so clients such as MSAL classify them as they would in Azure.
import { randomUUID } from 'node:crypto';

export interface OAuthErrorBody {
  error: string;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
  error_uri: string;
  suberror?: string;
  claims?: string;
}

export class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly code: number,
    readonly description: string,
    readonly suberror?: string,
    /** Entra's claims request for the client to relay (e.g. an unmet conditional access policy). */
    readonly claims?: string,
  ) {
    super(`AADSTS${code}: ${description}`);
  }

  body(correlationId: string = randomUUID()): OAuthErrorBody {
    const traceId = randomUUID();
    const timestamp = new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
    return {
      error: this.error,
      error_description: `AADSTS${this.code}: ${this.description}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
      error_codes: [this.code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${this.code}`,
      ...(this.suberror ? { suberror: this.suberror } : {}),
      ...(this.claims ? { claims: this.claims } : {}),
    };
  }
}

export const oauthErrors = {
  tenantNotFound: (tenant: string) => new OAuthError(400, 'invalid_request', 90002, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`),
  unsupportedGrant: (grant: string) => new OAuthError(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grant}'.`),
  missingParameter: (name: string) => new OAuthError(400, 'invalid_request', 900144, `The request body must contain the following parameter: '${name}'.`),
  appNotFound: (appId: string, tenant: string) =>
    new OAuthError(400, 'unauthorized_client', 700016, `Application with identifier '${appId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`),
  invalidSecret: (appId: string) => new OAuthError(401, 'invalid_client', 7000215, `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${appId}'.`),
  invalidClientAssertion: (why: string) => new OAuthError(401, 'invalid_client', 700027, `Client assertion failed signature validation or is malformed: ${why}`),
  invalidScope: (scope: string) => new OAuthError(400, 'invalid_scope', 70011, `The provided value for the input parameter 'scope' isn't valid. The scope ${scope} isn't valid.`),
  invalidResource: (resource: string) => new OAuthError(400, 'invalid_resource', 500011, `The resource principal named ${resource} was not found in the tenant.`),
  invalidAssertion: (why: string) => new OAuthError(400, 'invalid_grant', 50013, `Assertion failed signature validation or is otherwise invalid: ${why}`),
  expiredAssertion: () => new OAuthError(400, 'invalid_grant', 500133, 'Assertion is not within its valid time range. Ensure that the access token is not expired before using it for user assertion, or request a new token.'),
  wrongAssertionAudience: (appId: string) => new OAuthError(400, 'invalid_grant', 50013, `Assertion audience does not match the client app '${appId}'.`),
  crossTenantAssertion: () => new OAuthError(400, 'invalid_grant', 50013, 'Assertion was issued for a different tenant than the one in the request.'),
  invalidClaims: () => new OAuthError(400, 'invalid_request', 90100, "The 'claims' parameter is not a valid claims request (JSON object)."),
  // What Entra answers an on-behalf-of request whose user assertion does not meet a conditional access requirement.
  stepUpRequired: (resource: string, claims: string) =>
    new OAuthError(400, 'invalid_grant', 50076, `Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '${resource}'.`, 'basic_action', claims),
  consentRequired: (appId: string, appName: string) =>
    new OAuthError(400, 'invalid_grant', 65001, `The user or administrator has not consented to use the application with ID '${appId}' named '${appName}'. Send an interactive authorization request for this user and resource.`, 'consent_required'),
};
