// The tool-call policy: for each call the model proposes, decide allow,
// needs-approval or deny from the tool's risk class, the provenance of its
// arguments and what the turn has read. It assumes the model may be fully
// hijacked: nothing here trusts the model's reasons, only data the turn recorded.
import { readFileSync } from 'node:fs';
import { domainToASCII, fileURLToPath } from 'node:url';
import { classifyArguments, normalizeForMatch } from './argument-provenance.js';
import { highestZone, type TurnProvenance } from './provenance.js';
import { guardDlpDetector, type SensitiveContentDetector } from './sensitive-content.js';
import { toolPolicySchema, type ArgumentRule, type Decision, type ToolPolicyDocument, type ToolPolicyInput } from './tool-policy-schema.js';
import type { RiskClass, ToolActor, ToolDefinition } from './tool.js';

export { parseToolArguments } from './tool-arguments.js';

export interface PolicyDecision {
  decision: Decision;
  /** Stable id of the rule that decided, e.g. recipient.outside-tenant. */
  rule: string;
  /** Safe to show the user: names no detector detail and no argument value. */
  reason: string;
  /** Every concern seen, e.g. tainted, untrusted-argument:to (no values: they go to the audit log). */
  flags: string[];
  /** All rules that fired, strictest first (for the audit record and the evaluator). */
  matched?: Array<{ rule: string; decision: Decision }>;
}

export interface ToolPolicy {
  decide(call: { tool: ToolDefinition; args: Record<string, unknown> }, turn: TurnProvenance, actor: ToolActor): PolicyDecision;
  /** The validated policy document in force (tenant domains already merged). */
  readonly document: ToolPolicyDocument;
}

export interface ToolPolicyOptions {
  /** Overrides the file's tenantDomains (settings: TENANT_DOMAINS). */
  tenantDomains?: string[];
  /** PII / secret detector for outbound arguments (default: the guard's DLP detectors). */
  detector?: SensitiveContentDetector;
}

export class ToolPolicyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ToolPolicyError';
  }
}

export const DEFAULT_TOOL_POLICY_FILE = fileURLToPath(new URL('../../policy/tool-policy.json', import.meta.url));

/** Loads and validates policy/tool-policy.json (or the given file). Throws ToolPolicyError with a fix-it message. */
export function loadToolPolicy(file: string = DEFAULT_TOOL_POLICY_FILE, options: ToolPolicyOptions = {}): ToolPolicy {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ToolPolicyError(`Cannot read the tool policy file ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'}). Set TOOL_POLICY_FILE to an existing JSON file.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    throw new ToolPolicyError(`The tool policy file ${file} is not valid JSON: ${(err as Error).message}`);
  }
  return createToolPolicy(json as ToolPolicyInput, options, file);
}

/** Builds a policy from an in-memory document (validated the same way as the file). */
export function createToolPolicy(input: ToolPolicyInput, options: ToolPolicyOptions = {}, origin = 'tool policy'): ToolPolicy {
  const merged = options.tenantDomains && options.tenantDomains.length > 0 ? { ...input, tenantDomains: options.tenantDomains.map((d) => d.toLowerCase()) } : input;
  const parsed = toolPolicySchema.safeParse(merged);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n');
    throw new ToolPolicyError(`The ${origin} is invalid; fix these fields:\n${problems}`);
  }
  const document = parsed.data;
  const detector = options.detector ?? guardDlpDetector;
  return {
    document,
    decide: (call, turn, actor) => decide(document, detector, call, turn, actor),
  };
}

/** The decision for a tool name the registry does not know (the model invented or was told a tool). */
export function unknownToolDecision(): PolicyDecision {
  return { decision: 'deny', rule: 'tool.unknown', reason: 'The assistant asked for an action that does not exist.', flags: ['unknown-tool'] };
}

interface Finding {
  decision: Decision;
  rule: string;
  reason: string;
  /** Base risk-class findings rank below specific ones of the same decision. */
  base?: boolean;
}

const DECISION_RANK: Record<Decision, number> = { allow: 0, 'needs-approval': 1, deny: 2 };
const RISK_RANK: Record<RiskClass, number> = { read: 0, write: 1, external: 2, destructive: 3 };
const EMAIL = /^[^\s@<>]{1,64}@([^\s@<>]{1,253})$/;

const RISK_REASONS: Record<RiskClass, { clean: string; tainted: string }> = {
  read: { clean: 'Reading is allowed.', tainted: 'Reading is allowed.' },
  write: { clean: 'This change needs approval.', tainted: 'This change was proposed after reading documents or mail, so it needs approval.' },
  external: { clean: 'Sending data out needs approval.', tainted: 'Sending data out after reading documents or mail needs approval.' },
  destructive: { clean: 'Deleting or overwriting data always needs approval.', tainted: 'Deleting or overwriting data always needs approval.' },
};

function decide(
  doc: ToolPolicyDocument,
  detector: SensitiveContentDetector,
  call: { tool: ToolDefinition; args: Record<string, unknown> },
  turn: TurnProvenance,
  actor: ToolActor,
): PolicyDecision {
  const flags: string[] = [];
  const findings: Finding[] = [];
  const toolRule = Object.hasOwn(doc.tools, call.tool.name) ? doc.tools[call.tool.name] : undefined;
  if (!toolRule) {
    return finish([{ decision: doc.undeclaredTool, rule: 'tool.undeclared', reason: 'This action is not enabled for the assistant.' }], ['undeclared-tool']);
  }
  if (toolRule.requiredRoles && !toolRule.requiredRoles.some((r) => actor.roles.includes(r))) {
    findings.push({ decision: 'deny', rule: 'tool.role', reason: 'You do not have the role this action needs.' });
    flags.push('missing-role');
  }

  const tainted = turn.tainted;
  if (tainted) flags.push('tainted');
  const { leaves, complete } = classifyArguments(call.args, turn, doc.argumentProvenance.minChars);
  if (!complete) {
    // What is not inspected is not allowed.
    flags.push('arguments-too-complex');
    findings.push({ decision: 'deny', rule: 'argument.too-complex', reason: 'The action\'s arguments are too large or too deeply nested to check.' });
  }
  const ruleOf = argumentRules(call.tool, toolRule);
  // Hard limits first (who receives, how far a link reaches, what data leaves), then provenance:
  // among equally strict findings the first one names the decision.
  let outsideRecipient = false;
  for (const leaf of leaves) {
    const role = ruleOf(leaf.argument).role;
    if (role === 'recipient' && !checkRecipient(doc, leaf.value, leaf.argument, findings, flags)) outsideRecipient = true;
    if (role === 'link-scope') checkLinkScope(doc, leaf.value, findings, flags);
  }
  // A tool that delivers content to someone outside the tenant sends data out, whatever its own class.
  const outbound = call.tool.delivers !== undefined && outsideRecipient;
  if (outbound) flags.push('outbound');
  let risk = RISK_RANK[toolRule.risk] > RISK_RANK[call.tool.risk] ? toolRule.risk : call.tool.risk;
  if (outbound && RISK_RANK[risk] < RISK_RANK.external) risk = 'external';
  if (risk !== call.tool.risk) flags.push(`risk-raised:${risk}`);
  const state = tainted ? 'tainted' : 'clean';
  const recipients = leaves.filter((leaf) => ruleOf(leaf.argument).role === 'recipient');
  const userNamedInternal =
    tainted && doc.userNamedInternalSend.tainted === 'confirm' && (risk === 'write' || risk === 'external') && doc.risk[risk].tainted === 'needs-approval' && highestZone(turn) !== 'confidential' && namedInThisTurn(call.tool, recipients, outsideRecipient, turn);
  if (userNamedInternal) {
    // The user asked, in this message, for a send to colleagues they named: they confirm what goes out on a card.
    // Not after confidential content: that stays with an approver (or is denied outright when it is external).
    flags.push('user-named-internal-send', 'needs-confirmation');
    findings.push({ decision: 'allow', rule: `risk.${risk}.tainted.user-named-internal`, reason: 'You named the colleagues this goes to; confirm what is sent.', base: true });
  } else {
    findings.push({ decision: doc.risk[risk][state], rule: `risk.${risk}.${state}`, reason: RISK_REASONS[risk][state], base: true });
  }

  if (risk === 'external') {
    if (highestZone(turn) === 'confidential') {
      flags.push('confidential-zone');
      findings.push({ decision: doc.externalData.confidentialZone, rule: 'external.confidential-zone', reason: 'Confidential content read in this conversation cannot be sent out.' });
    }
    checkOutboundContent(doc, detector, leaves, ruleOf, findings, flags);
  }
  for (const leaf of leaves) {
    const rule = ruleOf(leaf.argument);
    const defaults = doc.argumentProvenance.roles[rule.role] ?? { fromUntrusted: 'allow', fromModelWhenTainted: 'allow' };
    if (leaf.origin === 'untrusted') {
      flags.push(`untrusted-argument:${leaf.argument}`);
      findings.push({
        decision: rule.fromUntrusted ?? defaults.fromUntrusted,
        rule: `argument.from-untrusted.${rule.role}`,
        reason: `The ${describeRole(rule.role)} was taken from a document or message rather than from your request.`,
      });
    } else if (leaf.origin === 'model' && tainted) {
      flags.push(`model-argument:${leaf.argument}`);
      findings.push({
        decision: rule.fromModelWhenTainted ?? defaults.fromModelWhenTainted,
        rule: `argument.unconfirmed.${rule.role}`,
        reason: `The ${describeRole(rule.role)} was not in your request and documents were read in this turn.`,
      });
    }
  }
  if (toolRule.confirm === 'always' || (toolRule.confirm === 'outside-single-internal-recipient' && (outsideRecipient || recipients.length !== 1))) flags.push('needs-confirmation');
  return finish(findings, flags);
}

/**
 * True when a tool delivering text has every recipient is a valid address inside the tenant that the user
 * typed in this turn's own message (not an earlier turn, not a document): the send is the user's request.
 */
function namedInThisTurn(tool: ToolDefinition, recipients: Array<{ value: string; origin: string }>, outsideRecipient: boolean, turn: TurnProvenance): boolean {
  // Only tools that carry text the card shows in full (mail, invites): a sharing link hands over a whole file.
  if (tool.delivers === undefined || tool.delivers.content.length === 0 || outsideRecipient || recipients.length === 0) return false;
  // Whole addresses only: "iriam@example.org" is inside "miriam@example.org" but is someone else.
  const typed = new Set(normalizeForMatch(String(turn.userTexts[0] ?? '')).split(/[\s,;:<>()"'[\]]+/).map((word) => word.replace(/[.!?]+$/, '')));
  return recipients.every((leaf) => leaf.origin === 'user' && EMAIL.test(leaf.value.trim()) && typed.has(normalizeForMatch(leaf.value.trim())));
}

function describeRole(role: ArgumentRule['role']): string {
  switch (role) {
    case 'recipient':
      return 'recipient';
    case 'target':
      return 'item to act on';
    case 'link-scope':
      return 'sharing scope';
    case 'content':
      return 'message content';
    default:
      return 'value';
  }
}

/** True when the recipient is a valid address inside the tenant. */
function checkRecipient(doc: ToolPolicyDocument, value: string, argument: string, findings: Finding[], flags: string[]): boolean {
  const match = EMAIL.exec(value.trim());
  if (!match?.[1]) {
    flags.push(`invalid-recipient:${argument}`);
    findings.push({ decision: doc.recipients.invalid, rule: 'recipient.invalid', reason: 'A recipient is not a valid e-mail address.' });
    return false;
  }
  // NFKC + lower case: look-alike full-width letters fold to ASCII; other homoglyphs stay foreign and so fail the match.
  // An internationalised domain is compared in its ASCII (punycode) spelling, as the tenant's domains are written.
  const folded = normalizeForMatch(match[1]).replace(/\.$/, '');
  const domain = domainToASCII(folded) || folded;
  const inside = doc.tenantDomains.some((d) => domain === d || domain.endsWith(`.${d}`));
  if (!inside) {
    flags.push(`external-recipient:${argument}`);
    findings.push({ decision: doc.recipients.outsideTenant, rule: 'recipient.outside-tenant', reason: 'Recipients outside your organisation are not allowed.' });
  }
  return inside;
}

function checkLinkScope(doc: ToolPolicyDocument, value: string, findings: Finding[], flags: string[]): void {
  const scope = value.trim().toLowerCase();
  const decision = Object.hasOwn(doc.linkScopes, scope) ? doc.linkScopes[scope] : undefined;
  if (decision === undefined) {
    flags.push('unknown-link-scope');
    findings.push({ decision: doc.unknownLinkScope, rule: 'link.scope.unknown', reason: 'That kind of sharing link is not allowed.' });
    return;
  }
  if (scope === 'anonymous') flags.push('anonymous-link');
  findings.push({ decision, rule: `link.scope.${scope}`, reason: decision === 'allow' ? 'This sharing scope is allowed.' : `Sharing links with scope "${scope}" are not allowed.` });
}

/**
 * The rule of each argument: the role the tool declares (ToolDefinition.roles,
 * .delivers) wins; the policy file may give a role only to an argument the tool
 * leaves undeclared, and adds its provenance overrides.
 */
function argumentRules(tool: ToolDefinition, toolRule: ToolPolicyDocument['tools'][string]): (argument: string) => ArgumentRule {
  return (argument) => {
    const fromFile = Object.hasOwn(toolRule.arguments, argument) ? toolRule.arguments[argument] : undefined;
    if (tool.delivers?.recipients.includes(argument)) return { ...fromFile, role: 'recipient' };
    if (tool.delivers?.content.includes(argument)) return { ...fromFile, role: 'content' };
    const declared = tool.roles && Object.hasOwn(tool.roles, argument) ? tool.roles[argument] : undefined;
    return { ...fromFile, role: declared ?? fromFile?.role ?? 'other' };
  };
}

function checkOutboundContent(
  doc: ToolPolicyDocument,
  detector: SensitiveContentDetector,
  leaves: ReturnType<typeof classifyArguments>['leaves'],
  ruleOf: (argument: string) => ArgumentRule,
  findings: Finding[],
  flags: string[],
): void {
  const seen = new Set<string>();
  for (const leaf of leaves) {
    const role = ruleOf(leaf.argument).role;
    // Recipients are e-mail addresses by design; scanning them for PII would block every mail.
    if (role === 'recipient') continue;
    for (const hit of detector(leaf.value)) {
      const key = `${hit.kind}:${hit.type}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (hit.kind === 'secret') {
        flags.push(`secret:${hit.type}`);
        findings.push({ decision: doc.externalData.secrets, rule: 'external.secret', reason: 'The content includes a password, key or token, which cannot be sent out.' });
      } else if (doc.externalData.piiTypes.includes(hit.type)) {
        flags.push(`pii:${hit.type}`);
        findings.push({ decision: doc.externalData.pii, rule: 'external.pii', reason: 'The content includes personal data (such as card or ID numbers), which cannot be sent out.' });
      }
    }
  }
}

function finish(findings: Finding[], flags: string[]): PolicyDecision {
  const ordered = findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => DECISION_RANK[b.f.decision] - DECISION_RANK[a.f.decision] || Number(a.f.base ?? false) - Number(b.f.base ?? false) || a.i - b.i)
    .map(({ f }) => f);
  const top = ordered[0] ?? { decision: 'deny' as const, rule: 'policy.empty', reason: 'No policy rule applied.' };
  // An allow reports the base rule: specific "allow" findings (e.g. an allowed link scope) say less than the risk rule.
  const chosen = top.decision === 'allow' ? (ordered.find((f) => f.base) ?? top) : top;
  return {
    decision: chosen.decision,
    rule: chosen.rule,
    reason: chosen.reason,
    flags: [...new Set(flags)],
    matched: ordered.map((f) => ({ rule: f.rule, decision: f.decision })),
  };
}
