// Alerts and a dashboard for the agent's audit trail, as a module: scheduled query alert rules
// over the AgentTurn custom events (docs/audit.md) and an Azure Monitor workbook.
// Reference it from the main template, e.g.
//   module monitor 'monitor/monitor.bicep' = {
//     name: 'agent-monitor'
//     params: { appInsightsId: appInsights.id, location: location, actionGroupId: '<action group id>' }
//   }
// The KQL lives in queries/*.kql (tests check its field names against the AgentTurn schema).

@description('Resource id of the Application Insights component the agent sends AgentTurn events to.')
param appInsightsId string

param location string = resourceGroup().location

@description('Action group notified by the alerts (empty: the rules fire without notifying anyone).')
param actionGroupId string = ''

@description('More blocked prompt injections than this per user in 15 minutes raise an alert.')
param blockedInjectionThreshold int = 5

@description('More failed sign-ins or role refusals than this per user in 15 minutes raise an alert.')
param authFailureThreshold int = 10

@description('More distinct files than this read by one user in an hour raise an alert.')
param filesPerHourThreshold int = 200

param deployWorkbook bool = true

var actions = empty(actionGroupId) ? {} : { actionGroups: [ actionGroupId ] }

var rules = [
  {
    name: 'agent-blocked-injection-burst'
    displayName: 'Agent: burst of blocked prompt injections'
    severity: 2
    frequency: 'PT5M'
    window: 'PT15M'
    query: replace(loadTextContent('queries/blocked-injection-burst.kql'), '{{threshold}}', string(blockedInjectionThreshold))
  }
  {
    name: 'agent-auth-failure-burst'
    displayName: 'Agent: repeated authentication failures'
    severity: 2
    frequency: 'PT5M'
    window: 'PT15M'
    query: replace(loadTextContent('queries/auth-failure-burst.kql'), '{{threshold}}', string(authFailureThreshold))
  }
  {
    name: 'agent-approval-rejected'
    displayName: 'Agent: an approval was rejected'
    severity: 3
    frequency: 'PT15M'
    window: 'PT15M'
    query: loadTextContent('queries/approval-rejections.kql')
  }
  {
    name: 'agent-user-file-reads'
    displayName: 'Agent: a user read unusually many files in an hour'
    severity: 2
    frequency: 'PT1H'
    window: 'PT1H'
    query: replace(loadTextContent('queries/user-file-reads.kql'), '{{threshold}}', string(filesPerHourThreshold))
  }
  {
    name: 'agent-audit-chain-broken'
    displayName: 'Agent: audit chain broken'
    severity: 1
    frequency: 'PT5M'
    window: 'PT5M'
    query: loadTextContent('queries/audit-chain-broken.kql')
  }
]

// Each query returns rows only when its condition holds: alert on any row.
resource alertRules 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = [for rule in rules: {
  name: rule.name
  location: location
  properties: {
    displayName: rule.displayName
    severity: rule.severity
    enabled: true
    scopes: [ appInsightsId ]
    evaluationFrequency: rule.frequency
    windowSize: rule.window
    criteria: {
      allOf: [
        {
          query: rule.query
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: false
    actions: actions
  }
}]

resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = if (deployWorkbook) {
  name: guid(resourceGroup().id, appInsightsId, 'agent-audit-workbook')
  location: location
  kind: 'shared'
  properties: {
    displayName: 'Secure Teams agent: turns, blocks, approvals, latency'
    category: 'workbook'
    sourceId: appInsightsId
    serializedData: loadTextContent('workbook.json')
  }
}

output alertRuleIds array = [for (rule, i) in rules: alertRules[i].id]
