// What /readyz checks: every remote dependency configured for this process
// answers over HTTP (any status: a 401 still proves the service is there).
import type { AppConfig } from '../../config.js';
import type { ReadinessCheck } from '../../host/http-server.js';

function reachable(name: string, url: string): ReadinessCheck {
  return {
    name,
    async check() {
      const response = await fetch(url, { method: 'GET', signal: AbortSignal.timeout(3000) });
      await response.body?.cancel();
      if (response.status >= 500) throw new Error(`${name} answered ${response.status}`);
    },
  };
}

export function dependencyChecks(config: AppConfig): ReadinessCheck[] {
  const checks: ReadinessCheck[] = [];
  if (config.host.authMode === 'entra') checks.push(reachable('inbound token keys', config.host.auth.openIdMetadataUrls[0]!));
  if (config.host.auth.appId && config.host.auth.tenantId) {
    checks.push(reachable('entra', `${config.host.auth.authorityHost}/${config.host.auth.tenantId}/v2.0/.well-known/openid-configuration`));
  }
  checks.push(reachable('graph', `${config.graph.baseUrl}/$metadata`));
  if (config.guard.contentSafety) checks.push(reachable('content safety', config.guard.contentSafety.endpoint));
  if (config.model.azure?.endpoint) checks.push(reachable('azure openai', config.model.azure.endpoint));
  if (config.model.openAiCompatible?.baseUrl) checks.push(reachable('model endpoint', `${config.model.openAiCompatible.baseUrl}/models`));
  return checks;
}
