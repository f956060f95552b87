// Which hosts may receive the agent's replies. The channel names a serviceUrl
// in every activity and the SDK posts the reply there with the bot's own access
// token, so a serviceUrl the channel did not sign must point at a host that is
// known to belong to a Microsoft channel.

/**
 * Hosts of the Bot Framework / Teams connector services. Teams uses one host for
 * every region (/amer/, /emea/, /apac/, /teams/ …); Azure Bot Service channels
 * (Web Chat, Direct Line and its regional hosts, Outlook, M365 extensions) live
 * under botframework.com; government and China clouds have their own.
 * Not `*.trafficmanager.net`: any Azure customer can register a name there.
 */
export const channelServiceHosts: readonly string[] = [
  'smba.trafficmanager.net',
  '*.botframework.com',
  'smba.infra.gcc.teams.microsoft.com',
  'smba.infra.gov.teams.microsoft.us',
  'smba.infra.dod.teams.microsoft.us',
  '*.botframework.us',
  '*.botframework.azure.cn',
];

/** The Agents Playground and the Bot Framework Emulator run on this machine: allowed in local development only. */
export const localDevServiceHosts: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);
// A DNS name or bracketed IPv6 address, optional port; '*.' allows every subdomain.
const entryPattern = /^(\*\.)?([a-z0-9-]{1,63}(\.[a-z0-9-]{1,63}){0,10}|\[[0-9a-f:.]{2,45}\])(:\d{1,5})?$/;

interface HostRule {
  host: string;
  subdomains: boolean;
  port?: string;
}

/** Returns why an allow-list entry cannot be used (without echoing it), else undefined. */
export function allowListEntryProblem(entry: string): string | undefined {
  if (!entryPattern.test(entry.toLowerCase())) return 'is not a host name, *.domain or host:port';
  if (entry.startsWith('*.') && !entry.slice(2).includes('.')) return 'would allow a whole top-level domain';
  return undefined;
}

export interface ServiceUrlAllowList {
  /** True when replies may be sent to this URL with the bot's token. */
  allows(serviceUrl: string): boolean;
}

export function createServiceUrlAllowList(entries: readonly string[]): ServiceUrlAllowList {
  const rules: HostRule[] = entries.map((raw) => {
    const entry = raw.toLowerCase();
    const subdomains = entry.startsWith('*.');
    const rest = subdomains ? entry.slice(2) : entry;
    const portAt = rest.lastIndexOf(':');
    const hasPort = portAt > rest.lastIndexOf(']');
    return { host: hasPort ? rest.slice(0, portAt) : rest, subdomains, port: hasPort ? rest.slice(portAt + 1) : undefined };
  });
  return {
    allows(serviceUrl) {
      let url: URL;
      try {
        url = new URL(serviceUrl);
      } catch {
        return false;
      }
      const host = url.hostname.replace(/\.$/, '');
      // The token must not travel in clear text, except to this machine.
      if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopbackHosts.has(host))) return false;
      if (url.username || url.password) return false;
      const port = url.port || (url.protocol === 'https:' ? '443' : '80');
      return rules.some((r) => (r.subdomains ? host.endsWith(`.${r.host}`) : host === r.host) && (r.port === undefined || r.port === port));
    },
  };
}
