// The identities of the emulated directory: tenants, users, app registrations,
// app-role assignments and consent. The Graph emulator seeds its content
// (drives, sites, mail) for these same users. Dev and tests only.

/** Microsoft Graph as a resource: its well-known app id and identifier. */
export const graphResource = { appId: '00000003-0000-0000-c000-000000000000', identifier: 'https://graph.microsoft.com' } as const;
/**
 * Azure Bot Service's Bot Connector: the issuer of the tokens it puts on every activity
 * it posts to a bot, and the resource of the token a bot replies with.
 */
export const botConnector = { issuer: 'https://api.botframework.com', resource: 'https://api.botframework.com' } as const;
/** The Teams desktop/web client, the `azp` of the SSO tokens Teams hands a bot. */
export const teamsClientAppId = '1fec8e78-bce4-4aaf-ab1b-5451cc387264';

export interface SeedUser {
  oid: string;
  /** userPrincipalName, also preferred_username. */
  upn: string;
  displayName: string;
  givenName?: string;
  surname?: string;
  jobTitle?: string;
  department?: string;
  /** UPN of the manager (Graph /me/manager). */
  managerUpn?: string;
  /** App roles assigned to this user on the tenant's bot app (User, Approver, Auditor, Admin). */
  appRoles?: string[];
  /** Delegated Graph scopes this user consented to for the bot app (on top of admin consent). */
  consentedScopes?: string[];
}

export interface SeedGroup {
  id: string;
  displayName: string;
  mailNickname: string;
  memberUpns: string[];
}

export interface SeedApp {
  appId: string;
  displayName: string;
  /** Client secrets accepted at the token endpoint. */
  secrets: string[];
  /** PEM certificates whose keys may sign a client_assertion. */
  certificatesPem?: string[];
  /** Audiences under which this app is the resource of an SSO token. */
  identifierUris: string[];
  /** Delegated scopes this app exposes (Teams SSO: access_as_user). */
  exposedScopes: string[];
  /** Delegated Graph scopes an administrator consented to for every user of the tenant. */
  adminConsentedScopes: string[];
  /** Application (app-only) Graph permissions granted; the agent itself should need none. */
  applicationPermissions?: string[];
}

export interface SeedTenant {
  id: string;
  displayName: string;
  domain: string;
  users: SeedUser[];
  groups?: SeedGroup[];
  apps: SeedApp[];
  /** Conditional Access authentication contexts whose policy requires MFA: a sign-in that did MFA (amr mfa) meets them. */
  mfaAuthContexts?: string[];
}

export const demoTenantId = 'c0a7e5d1-4b2f-4e8a-9c3d-5f6a7b8c9d01';
export const otherTenantId = 'fab0e5d1-4b2f-4e8a-9c3d-5f6a7b8c9d02';
/** The bot's app registration in the demo tenant (single-tenant). */
export const demoBotAppId = 'b07a9e11-2c3d-4e5f-8a6b-7c8d9e0f1a2b';
/** Dev-only client secret of the demo bot app; it opens nothing outside the emulator. */
export const demoBotAppSecret = 'emulator-dev-secret-not-for-production';
export const approversGroupId = 'a9900000-0000-4000-8000-0000000000a1';

/** Graph scopes the read tools use; consented tenant-wide by the demo admin. */
const readScopes = ['User.Read', 'Files.Read', 'Files.Read.All', 'Sites.Read.All', 'User.ReadBasic.All', 'GroupMember.Read.All', 'Mail.ReadBasic'];
/** Scopes only the write tools need; each user consents to them personally. */
const writeScopes = ['Mail.Send', 'Files.ReadWrite', 'Files.ReadWrite.All', 'Calendars.ReadWrite'];

const user = (n: number, upnName: string, displayName: string, extra: Partial<SeedUser> = {}): SeedUser => {
  const [givenName, surname] = displayName.split(' ');
  return {
    oid: `a1000000-0000-4000-8000-${n.toString().padStart(12, '0')}`,
    upn: `${upnName}@contoso.example`,
    displayName,
    givenName,
    surname,
    appRoles: ['User'],
    ...extra,
  };
};

export const demoUserUpn = 'megan@contoso.example';

export function defaultTenants(): SeedTenant[] {
  return [
    {
      id: demoTenantId,
      displayName: 'Contoso (emulated)',
      domain: 'contoso.example',
      users: [
        user(1, 'megan', 'Megan Bowen', { jobTitle: 'Marketing Manager', department: 'Marketing', managerUpn: 'miriam@contoso.example', consentedScopes: writeScopes }),
        user(2, 'alex', 'Alex Wilber', { jobTitle: 'Marketing Assistant', department: 'Marketing', managerUpn: 'miriam@contoso.example', consentedScopes: writeScopes }),
        user(3, 'miriam', 'Miriam Graham', { jobTitle: 'Director', department: 'Finance', managerUpn: 'patti@contoso.example', appRoles: ['User', 'Approver'], consentedScopes: writeScopes }),
        user(4, 'patti', 'Patti Fernandez', { jobTitle: 'President', department: 'Executive', appRoles: ['User', 'Approver', 'Auditor'], consentedScopes: writeScopes }),
        user(5, 'isaiah', 'Isaiah Langer', { jobTitle: 'IT Administrator', department: 'IT', managerUpn: 'patti@contoso.example', appRoles: ['User', 'Admin'], consentedScopes: writeScopes }),
        // A user who never consented to the write scopes: OBO for Mail.Send fails with consent_required.
        user(6, 'lee', 'Lee Gu', { jobTitle: 'Engineer', department: 'Engineering', managerUpn: 'isaiah@contoso.example' }),
      ],
      groups: [
        {
          id: approversGroupId,
          displayName: 'Agent Approvers',
          mailNickname: 'agent-approvers',
          memberUpns: ['miriam@contoso.example', 'patti@contoso.example'],
        },
      ],
      apps: [
        {
          appId: demoBotAppId,
          displayName: 'Secure Teams Agent (emulated)',
          secrets: [demoBotAppSecret],
          identifierUris: [`api://botid-${demoBotAppId}`],
          exposedScopes: ['access_as_user'],
          adminConsentedScopes: readScopes,
        },
      ],
      mfaAuthContexts: ['c1'],
    },
    {
      // A second tenant with its own users but no registration of the bot: its
      // tokens must never be accepted by the demo agent.
      id: otherTenantId,
      displayName: 'Fabrikam (emulated, not allowed)',
      domain: 'fabrikam.example',
      users: [{ oid: 'f1000000-0000-4000-8000-000000000001', upn: 'eve@fabrikam.example', displayName: 'Eve Outsider', appRoles: ['User', 'Admin'] }],
      apps: [],
    },
  ];
}
