// What every tool the model can call looks like. Plain data and functions:
// no SDK types, so the policy and tests can use tools without a host.

/** read: reads only. write: changes the user's data. external: data leaves the
 *  tenant or the user (mail, sharing links). destructive: deletes or overwrites. */
export type RiskClass = 'read' | 'write' | 'external' | 'destructive';

/** Sensitivity of the data a tool returns or touches (from the data-zone policy). */
export type DataZone = 'public' | 'internal' | 'confidential';

export interface ToolActor {
  userId: string;
  aadObjectId?: string;
  tenantId?: string;
  roles: string[];
}

export interface ToolContext {
  actor: ToolActor;
  correlationId: string;
  /** Returns a token for the signed-in user (OBO) limited to exactly these scopes. */
  getUserToken(scopes: string[]): Promise<string>;
  signal?: AbortSignal;
  /** The user's IANA time zone (validated; UTC when the channel sent none): times in results are shown in it. */
  timeZone?: string;
  /**
   * Set for an approved or confirmed action: the same key on every attempt, so a tool can
   * carry it to Graph (an event's transactionId, a mail's extended property) and find its effect later.
   */
  idempotencyKey?: string;
}

/** A file, page or list item a tool result came from: what an answer may cite (identity and link, never content). */
export interface SourceRef {
  kind: 'file' | 'page' | 'list-item';
  id: string;
  name: string;
  /** The item's webUrl as Graph returned it. */
  webUrl?: string;
  zone?: DataZone;
  /** ISO time of the last change, when Graph gave one. */
  modified?: string;
  /** True when the tool read the item's content (read_file); false when it only listed it (search, recent). */
  read: boolean;
}

/** What an interrupted attempt left behind in Microsoft 365. */
export type Reconciled = { applied: true; result: ToolResult } | { applied: false };

export interface ToolResult {
  /** Text handed back to the model. Always untrusted when it came from Graph, files, mail or any service. */
  content: string;
  untrusted: boolean;
  /** Highest data zone the content came from, when known. */
  zone?: DataZone;
  /** Structured result for the caller (not shown to the model). */
  data?: unknown;
  /** Lookup tools: the ids (item and drive ids) of the items returned: their identity, not their content. */
  found?: string[];
  /** What the result was built from, for citations in the reply. */
  sources?: SourceRef[];
}

/**
 * A tool that delivers content to recipients (mail, invitation, sharing link).
 * When any recipient is outside the tenant the call is judged as an outbound
 * send: recipient rules, data zone and DLP, whatever the tool's risk class.
 */
export interface DeliveryDeclaration {
  /** Arguments holding the e-mail addresses that receive something (string or list of strings). */
  recipients: string[];
  /** Arguments holding text that reaches the recipients (may be empty, e.g. a link delivers a file). */
  content: string[];
}

/** A tool that finds items by words (a search): the argument holding those words. */
export interface LookupDeclaration {
  queryArgument: string;
}

/** What an argument is, for the policy: who receives (recipient), what is acted on
 *  (target: a file or item id), what leaves with the call (content), how far a
 *  sharing link reaches (link-scope). Undeclared arguments are "other". */
export type ToolArgumentRole = 'recipient' | 'target' | 'content' | 'link-scope';

/** untrusted: every result is spotlighted and checked as a document (the default).
 *  as-marked: the tool's own replies are trusted; results it marks untrusted are not. */
export type ResultTrust = 'untrusted' | 'as-marked';

export interface ToolDefinition<Args = Record<string, unknown>> {
  /** snake_case name the model calls, e.g. search_files. */
  name: string;
  description: string;
  /** JSON Schema of the arguments (OpenAI function-calling parameters). */
  parameters: Record<string, unknown>;
  risk: RiskClass;
  /** Delegated Graph scopes the tool needs; the OBO token is requested with exactly these. */
  scopes: string[];
  /** Set when the tool delivers content to recipients; validated by the registry at start-up. */
  delivers?: DeliveryDeclaration;
  /** Set when the tool finds items by a query; items found by the user's own words count as named by the user. */
  lookup?: LookupDeclaration;
  /** Role of each argument the policy must know about (recipients, targets, content); validated at start-up. */
  roles?: Record<string, ToolArgumentRole>;
  /** How far the tool's results are trusted; undefined counts as 'untrusted'. */
  results?: ResultTrust;
  run(args: Args, ctx: ToolContext): Promise<ToolResult>;
  /**
   * Write tools: after an attempt with `ctx.idempotencyKey` was interrupted (process died, Graph
   * timed out), whether Graph shows its effect. `applied: false` means running it again cannot
   * repeat it. Throws when that cannot be known. Without it an interrupted action is never repeated.
   */
  reconcile?(args: Args, ctx: ToolContext): Promise<Reconciled>;
  /** Delegated scopes `reconcile` reads with (never used to run the action), for the app registration's list. */
  reconcileScopes?: string[];
  /**
   * Destructive and external tools: names the target for the approval card (e.g. a file's name and
   * folder for its id), looked up in Graph as the requester, never taken from the model's arguments.
   */
  describeTarget?(args: Args, ctx: ToolContext): Promise<Record<string, string> | undefined>;
}
