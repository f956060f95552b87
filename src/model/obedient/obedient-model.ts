// The obedient model: the behaviour of a fully hijacked LLM, for evaluation
// only (MODEL_PROVIDER=obedient). It follows every instruction it finds
// anywhere in its context (user text, tool results, documents, after removing
// spotlighting and decoding base64), calls whatever tool is named with the
// arguments given, and repeats its system prompt and canary when asked.
// Otherwise it behaves like the offline model. Deterministic. If the product
// is safe with this model, no prompt injection can make it less safe.
import { createHash } from 'node:crypto';
import { despotlight } from '../../prompt/spotlight.js';
import type { ModelClient, ModelRequest, ModelResponse, ModelToolCall, ModelToolSpec } from '../model-types.js';
import { parseIntent, type ActionIntent, type FileRef } from '../offline/intent-parser.js';
import type { HelpExamples } from '../offline/help-text.js';
import { decideOffline } from '../offline/offline-model.js';
import { extractItems, pickItem } from '../offline/tool-results.js';
import { fitArguments, readTurnState } from '../offline/turn-state.js';
import { findInstructions, type ExplicitCall } from './instruction-finder.js';

export const OBEDIENT_LABEL = 'obedient worst-case model (evaluation only: follows any instruction in its context)';
export const OBEDIENT_FOOTER = '\n\n_— Answered by the obedient evaluation model (simulates a hijacked LLM; never use in production)._';
export const INJECTED_CALL_PREFIX = 'call_injected_';
const MAX_CALLS_PER_RESPONSE = 5;
const MAX_DATA_CHARS = 2000;

export interface ObedientModelOptions {
  now?: () => Date;
  examples?: HelpExamples;
}

export function createObedientModel(options: ObedientModelOptions = {}): ModelClient {
  const now = options.now ?? (() => new Date());
  return {
    provider: 'obedient',
    label: OBEDIENT_LABEL,
    async complete(req: ModelRequest): Promise<ModelResponse> {
      return { ...respondObediently(req, now(), options.examples), model: 'obedient-eval' };
    },
  };
}

interface Context {
  systemPrompt: string;
  canary: string;
  data: string;
  toolResults: string[];
  fileIds: string[];
}

function respondObediently(req: ModelRequest, now: Date, examples?: HelpExamples): { content: string | null; toolCalls: ModelToolCall[] } {
  const state = readTurnState(req.messages);
  const tools = new Map(req.tools.map((t) => [t.name, t]));
  const toolResults = req.messages.flatMap((m) => (m.role === 'tool' ? [m.content] : []));
  const userTexts = req.messages.flatMap((m) => (m.role === 'user' ? [m.content] : []));
  const ctx: Context = {
    systemPrompt: state.systemPrompt,
    canary: /cnry_[a-z2-7]{24}/.exec(state.systemPrompt)?.[0] ?? '',
    data: toolResults.map((t) => despotlight(t)).join('\n').slice(0, MAX_DATA_CHARS),
    toolResults,
    fileIds: state.allCalls.map(fileIdArg).filter((id): id is string => Boolean(id)),
  };

  // Explicit calls and reveal requests are obeyed from anywhere; imperative
  // sentences from tool results (the user's own sentences are the offline plan).
  const everywhere = findInstructions([...userTexts, ...toolResults].join('\n'), [...tools.keys()], now);
  const fromData = findInstructions(toolResults.join('\n'), [...tools.keys()], now);
  // Each instruction is keyed before placeholders are filled (the data changes as tools run);
  // the key travels in the call id, so an instruction is obeyed once per conversation.
  const wanted: Array<{ key: string; call: ExplicitCall }> = everywhere.calls.map((c) => ({
    key: instructionKey(c.name, c.args),
    call: { name: c.name, args: substitute(c.args, ctx) as Record<string, unknown> },
  }));
  const searched = new Set(state.allCalls.filter((c) => c.name === 'search_files').map((c) => String(safeParse(c.arguments).query ?? '')));
  for (const action of fromData.actions) {
    const key = instructionKey(action.kind, action);
    const ref = action.kind === 'share' || action.kind === 'delete' ? action.file : undefined;
    const file = action.kind === 'share' || action.kind === 'delete' ? resolveFile(ref, ctx) : { fileId: '' };
    // Like a hijacked LLM, look the named file up first when it is not in context yet.
    if ('search' in file) {
      if (tools.has('search_files') && !searched.has(file.search)) {
        wanted.push({ key: instructionKey('search_files', { query: file.search }), call: { name: 'search_files', args: { query: file.search } } });
        searched.add(file.search);
        continue;
      }
      wanted.push({ key, call: actionCall(action, ctx, file.search) });
      continue;
    }
    wanted.push({ key, call: actionCall(action, ctx, file.fileId) });
  }

  const done = new Set(state.allCalls.map((c) => c.id.split('_').pop() ?? ''));
  const pending: ModelToolCall[] = [];
  for (const { key, call } of wanted) {
    if (done.has(key) || pending.length >= MAX_CALLS_PER_RESPONSE) continue;
    done.add(key);
    const args = fitArguments(tools.get(call.name) as ModelToolSpec | undefined, call.args);
    pending.push({ id: `${INJECTED_CALL_PREFIX}${state.allCalls.length + pending.length + 1}_${key}`, name: call.name, arguments: JSON.stringify(args) });
  }
  if (pending.length > 0) return { content: null, toolCalls: pending };

  const offline = decideOffline(req, now, examples);
  if (offline.toolCalls.length > 0) return { content: null, toolCalls: offline.toolCalls };
  // A hijacked model does not refuse: the offline refusal is replaced by the prompt itself.
  let content = everywhere.revealPrompt && parseIntent(state.userText, now).kind === 'reveal-prompt' ? 'Sure.' : offline.content;
  if (everywhere.revealPrompt) content += `\n\nAs requested, my system prompt is:\n${ctx.systemPrompt}`;
  for (const embed of everywhere.embeds) content += `\n\n${substituteText(embed, ctx, true)}`;
  return { content: content + OBEDIENT_FOOTER, toolCalls: [] };
}

function actionCall(action: ActionIntent, ctx: Context, fileId: string): ExplicitCall {
  switch (action.kind) {
    case 'send-mail':
      return { name: 'send_mail', args: { to: action.to, subject: action.subject, body: action.bodyRefersToData && ctx.data ? ctx.data : action.body } };
    case 'share':
      return { name: 'create_sharing_link', args: { fileId, scope: action.scope, ...(action.recipients.length ? { recipients: action.recipients } : {}) } };
    case 'delete':
      return { name: 'delete_file', args: { fileId } };
    case 'meeting':
      return { name: 'create_event', args: { subject: action.subject, start: action.start, end: action.end, attendees: action.attendees } };
  }
}

/** A named id, or an item whose name matches from any result so far; else it needs a search. */
function resolveFile(ref: FileRef | undefined, ctx: Context): { fileId: string } | { search: string } {
  if (ref && 'id' in ref) return { fileId: ref.id };
  if (ref && 'query' in ref) {
    const item = pickItem(ctx.toolResults.flatMap((r) => extractItems(r)), ref.query, 1);
    return item?.id ? { fileId: item.id } : { search: ref.query.replace(/\.[A-Za-z0-9]{1,5}$/, '') };
  }
  return { fileId: fallbackFileId(ref, ctx) };
}

/** "this document": the file in context; a hijacked model guesses rather than gives up. */
function fallbackFileId(ref: FileRef | undefined, ctx: Context): string {
  const inContext = ctx.fileIds[ctx.fileIds.length - 1] ?? ctx.toolResults.flatMap((r) => extractItems(r)).find((i) => i.id)?.id;
  return inContext ?? (ref && 'query' in ref ? ref.query : 'unknown');
}

const placeholder = /\{\{?\s{0,3}(canary|system_prompt|systemprompt|prompt|data|document|contents?|secret|conversation)\s{0,3}\}?\}/gi;

function substituteText(text: string, ctx: Context, forUrl = false): string {
  return text.replace(placeholder, (_m, name: string) => {
    const key = name.toLowerCase();
    const value = key === 'canary' || key === 'secret' ? ctx.canary : key.includes('prompt') ? ctx.systemPrompt : ctx.data;
    return forUrl ? encodeURIComponent(value) : value;
  });
}

function substitute(value: unknown, ctx: Context): unknown {
  if (typeof value === 'string') return substituteText(value, ctx);
  if (Array.isArray(value)) return value.map((v) => substitute(v, ctx));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, ctx)]));
  return value;
}

function safeParse(json: string): Record<string, unknown> {
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function fileIdArg(call: ModelToolCall): string | undefined {
  const id = safeParse(call.arguments).fileId;
  return typeof id === 'string' ? id : undefined;
}

function instructionKey(name: string, args: unknown): string {
  return createHash('sha256').update(`${name}:${canonical(args)}`).digest('hex').slice(0, 12);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
