// Public surface of the tools module: registry, argument parsing, provenance,
// the tool-call policy and the write tools. (Read tools: ./read/create-read-tools.js.)
export type { DataZone, DeliveryDeclaration, LookupDeclaration, ResultTrust, RiskClass, ToolActor, ToolArgumentRole, ToolContext, ToolDefinition, ToolResult } from './tool.js';
export { defineTool, emailAddress, argumentsJsonSchema, type ToolSpec } from './define-tool.js';
export type { ToolFactory, ToolServices } from './registered-tools.js';
export { createToolRegistry, ToolRegistryError, type ToolRegistry } from './tool-registry.js';
export { parseToolArguments, MAX_ARGUMENT_CHARS, type ParsedArguments } from './tool-arguments.js';
export { newTurnProvenance, recordToolOutput, recordUntrusted, recordUserText, highestZone, type NamedItems, type TurnProvenance, type UntrustedText } from './provenance.js';
export { createToolPolicy, loadToolPolicy, unknownToolDecision, DEFAULT_TOOL_POLICY_FILE, ToolPolicyError, type PolicyDecision, type ToolPolicy, type ToolPolicyOptions } from './tool-policy.js';
export { toolPolicySchema, type ToolPolicyDocument, type Decision } from './tool-policy-schema.js';
export { toolsSettings, type ToolsSettings } from './tools-settings.js';
export { createActionTools, type ActionToolDeps } from './actions/index.js';
