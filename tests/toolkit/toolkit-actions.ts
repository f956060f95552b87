// What the Microsoft 365 Agents Toolkit accepts in a project file, transcribed from its
// published YAML schema v1.11 (OfficeDev/microsoft-365-agents-toolkit,
// packages/fx-core/resource/yaml-schema/v1.11/yaml.schema.json; the file's
// `# yaml-language-server: $schema=https://aka.ms/m365-agents-toolkits/v1.11/yaml.schema.json`
// points at it). Only facts are kept: action names and their parameter names.

export const toolkitSchemaVersion = 'v1.11';
export const toolkitSchemaUrl = `https://aka.ms/m365-agents-toolkits/${toolkitSchemaVersion}/yaml.schema.json`;

/** Every `uses:` value of schema v1.11's lifeCycleArray. */
export const knownActions: ReadonlySet<string> = new Set([
  'aadApp/create',
  'aadApp/update',
  'arm/deploy',
  'azureStorage/enableStaticWebsite',
  'cli/runNpmCommand',
  'cli/runDotnetCommand',
  'cli/runNpxCommand',
  'azureStorage/deploy',
  'azureAppService/zipDeploy',
  'azureFunctions/zipDeploy',
  'teamsApp/create',
  'teamsApp/validateManifest',
  'teamsApp/validateAppPackage',
  'teamsApp/validateWithTestCases',
  'teamsApp/zipAppPackage',
  'teamsApp/update',
  'teamsApp/publishAppPackage',
  'botAadApp/create',
  'botFramework/create',
  'file/createOrUpdateEnvironmentFile',
  'file/createOrUpdateJsonFile',
  'devTool/install',
  'teamsApp/extendToM365',
  'spfx/deploy',
  'teamsApp/copyAppPackageToSPFx',
  'script',
  'apiKey/register',
  'azureStaticWebApps/getDeploymentToken',
  'apiKey/update',
  'oauth/register',
  'oauth/update',
  'devChannel/create',
  'devChannel/installApp',
  'typeSpec/compile',
]);

export const rootKeys: ReadonlySet<string> = new Set(['projectId', 'environmentFolderPath', 'version', 'additionalMetadata', 'provision', 'deploy', 'publish', 'share']);
export const lifecycleStages = ['provision', 'deploy', 'publish', 'share'] as const;

export interface ActionShape {
  withRequired: string[];
  withAllowed: string[];
  /** undefined: the action writes nothing to the env file. */
  write?: { required: string[]; allowed: string[]; mandatory: boolean };
}

/** Parameter names of the actions this project uses (schema v1.11). */
export const actionShapes: Readonly<Record<string, ActionShape>> = {
  'aadApp/create': {
    withRequired: ['name', 'generateClientSecret', 'signInAudience'],
    withAllowed: ['generateServicePrincipal', 'serviceManagementReference', 'clientSecretExpireDays', 'clientSecretDescription', 'uniqueName'],
    write: { required: ['clientId', 'objectId'], allowed: ['clientSecret', 'tenantId', 'authority', 'authorityHost'], mandatory: true },
  },
  'aadApp/update': { withRequired: ['manifestPath', 'outputFilePath'], withAllowed: [] },
  'arm/deploy': { withRequired: ['subscriptionId', 'resourceGroupName', 'templates'], withAllowed: ['bicepCliVersion'] },
  'teamsApp/create': { withRequired: ['name'], withAllowed: [], write: { required: ['teamsAppId'], allowed: ['teamsAppTenantId'], mandatory: true } },
  'teamsApp/validateManifest': { withRequired: ['manifestPath'], withAllowed: [] },
  'teamsApp/validateAppPackage': { withRequired: ['appPackagePath'], withAllowed: [] },
  'teamsApp/zipAppPackage': { withRequired: ['manifestPath', 'outputZipPath', 'outputFolder'], withAllowed: [] },
  'teamsApp/update': { withRequired: ['appPackagePath'], withAllowed: [] },
  'teamsApp/extendToM365': { withRequired: ['appPackagePath'], withAllowed: ['scope'], write: { required: ['titleId', 'appId'], allowed: ['shareLink'], mandatory: false } },
  'teamsApp/publishAppPackage': { withRequired: ['appPackagePath'], withAllowed: [], write: { required: ['publishedAppId'], allowed: [], mandatory: true } },
  'botFramework/create': { withRequired: ['botId', 'name', 'messagingEndpoint'], withAllowed: ['description', 'iconUrl', 'channels'] },
  'cli/runNpmCommand': { withRequired: ['args'], withAllowed: ['workingDirectory'] },
  'azureAppService/zipDeploy': { withRequired: ['artifactFolder', 'resourceId'], withAllowed: ['workingDirectory', 'ignoreFile', 'dryRun', 'outputZipFile'] },
  'file/createOrUpdateEnvironmentFile': { withRequired: ['envs', 'target'], withAllowed: [] },
  script: { withRequired: ['run'], withAllowed: ['workingDirectory', 'shell', 'timeout', 'redirectTo'] },
};

export const signInAudiences = ['AzureADMyOrg', 'AzureADMultipleOrgs', 'AzureADandPersonalMicrosoftAccount', 'PersonalMicrosoftAccount'];
export const botChannelNames = ['msteams', 'm365extensions'];
export const envVarNamePattern = /^[A-Z][A-Z0-9_]{0,255}$/;
export const secretEnvVarNamePattern = /^SECRET_[A-Z0-9_]{1,248}$/;
/** writeToEnvironmentFile keys whose value is a secret and must be a SECRET_* variable. */
export const secretOutputs: ReadonlySet<string> = new Set(['clientSecret', 'botPassword']);
