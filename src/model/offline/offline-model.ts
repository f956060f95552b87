// The offline demo model: deterministic rules, no network, not an LLM. It maps
// the user's words to the agent's tools, runs multi-step plans (search, then
// read) across calls by reading the message list, and writes the answer from
// the tool results. Tool results are only ever read as data: nothing inside
// them can make it call a tool (compare the obedient model).
import type { ModelClient, ModelRequest, ModelResponse, ModelToolCall, ModelToolSpec } from '../model-types.js';
import { parseIntent, type FileRef, type Intent } from './intent-parser.js';
import { documentOf, extractItems, isFailureResult, isJsonResult, pickItem, recordOf, resultText, summarize, type ResultItem } from './tool-results.js';
import { helpText, localizedHelp, type HelpExamples } from './help-text.js';
import { fitArguments, readTurnState, type TurnState, type TurnStep } from './turn-state.js';

export const OFFLINE_LABEL = 'offline demo model (not an LLM)';
export const OFFLINE_FOOTER =
  '\n\n_— Answered by the offline demo model (rules, not an LLM). Configure AZURE_OPENAI_ENDPOINT or OPENAI_BASE_URL for a real model._';
/** Calls planned by the offline rules carry this id prefix, so plans ignore calls they did not make. */
export const OFFLINE_CALL_PREFIX = 'call_offline_';
const MAX_STEPS_PER_TURN = 4;

export interface OfflineModelOptions {
  /** Clock for relative meeting times ("tomorrow at 10"); fixed in tests. */
  now?: () => Date;
  /** Colleague, site and list the help examples name (configuration: they must exist in the tenant). */
  examples?: HelpExamples;
}

export type Decision = { toolCalls: ModelToolCall[]; content: null } | { toolCalls: []; content: string };

export function createOfflineModel(options: OfflineModelOptions = {}): ModelClient {
  const now = options.now ?? (() => new Date());
  const examples = options.examples ?? {};
  return {
    provider: 'offline',
    label: OFFLINE_LABEL,
    async complete(req: ModelRequest): Promise<ModelResponse> {
      const decision = decideOffline(req, now(), examples);
      return { content: decision.content === null ? null : decision.content + OFFLINE_FOOTER, toolCalls: decision.toolCalls, model: 'offline-demo' };
    },
  };
}

type Next = { tool: string; args: Record<string, unknown> } | { answer: string };

/** One step of the offline plan for the current turn (shared with the obedient model). */
export function decideOffline(req: ModelRequest, now: Date, examples: HelpExamples = {}): Decision {
  const state = readTurnState(req.messages);
  const tools = new Map(req.tools.map((t) => [t.name, t]));
  const intent = parseIntent(state.userText, now);
  const mine = state.steps.filter((s) => s.call.id.startsWith(OFFLINE_CALL_PREFIX));
  // Someone writing in another language is told, in it, what this model can do (it only reads English requests).
  const foreign = intent.kind === 'unknown' || intent.kind === 'help' ? localizedHelp(state.userText, tools, examples) : undefined;
  const next: Next =
    foreign !== undefined
      ? { answer: foreign }
      : mine.length >= MAX_STEPS_PER_TURN
        ? { answer: 'I stopped after several tool calls without finishing; please ask again more specifically.' }
        : plan(intent, mine, tools, state, examples);
  if ('answer' in next) return { toolCalls: [], content: next.answer };
  const call: ModelToolCall = {
    id: `${OFFLINE_CALL_PREFIX}${state.allCalls.length + 1}`,
    name: next.tool,
    arguments: JSON.stringify(fitArguments(tools.get(next.tool), next.args)),
  };
  return { toolCalls: [call], content: null };
}

function plan(intent: Intent, steps: TurnStep[], tools: Map<string, ModelToolSpec>, state: TurnState, examples: HelpExamples): Next {
  const missing = (name: string): Next => ({ answer: `I can't do that here: the ${name} tool is not available to me in this conversation.` });
  const last = steps[steps.length - 1];
  const resultOf = (name: string) => [...steps].reverse().find((s) => s.call.name === name && s.result !== undefined)?.result;

  switch (intent.kind) {
    case 'help':
      return { answer: helpText(tools, examples) };
    case 'unknown':
      return { answer: `I'm not sure what you would like me to do.\n\n${helpText(tools, examples)}` };
    case 'reveal-prompt':
      return { answer: "I can't share my instructions or any secret values. I can help with your files, sites, lists, mail and meetings." };
    case 'who-am-i': {
      const result = resultOf('who_am_i');
      if (result !== undefined) return { answer: describeProfile(result) };
      return tools.has('who_am_i') ? { tool: 'who_am_i', args: {} } : missing('who_am_i');
    }
    case 'search': {
      const result = resultOf('search_files');
      if (result !== undefined) return { answer: listAnswer(result, `Files about "${intent.query}"`, `I found no files about "${intent.query}".`) };
      return tools.has('search_files') ? { tool: 'search_files', args: { query: intent.query } } : missing('search_files');
    }
    case 'recent': {
      const result = resultOf('list_recent_files');
      if (result !== undefined) return { answer: listAnswer(result, 'Your recent files', 'I found no recent files.') };
      return tools.has('list_recent_files') ? { tool: 'list_recent_files', args: {} } : missing('list_recent_files');
    }
    case 'site-pages': {
      if (!intent.site) return { answer: 'Which site? For example: "list the pages of the marketing site".' };
      const result = resultOf('list_site_pages');
      if (result !== undefined) return { answer: listAnswer(result, `Pages on the ${intent.site} site`, `I found no pages on the ${intent.site} site.`) };
      return tools.has('list_site_pages') ? { tool: 'list_site_pages', args: { site: intent.site } } : missing('list_site_pages');
    }
    case 'list-items': {
      if (!intent.site || !intent.list) return { answer: 'Which list on which site? For example: "show the items in the tasks list on the marketing site".' };
      const result = resultOf('list_list_items');
      if (result !== undefined) return { answer: listAnswer(result, `Items in the ${intent.list} list`, `I found no items in the ${intent.list} list.`) };
      return tools.has('list_list_items') ? { tool: 'list_list_items', args: { site: intent.site, list: intent.list } } : missing('list_list_items');
    }
    case 'file-info': {
      const id = fileIdFor(intent.file, state);
      if (!id) return { answer: 'Which file do you mean? Search for it first, for example "what files do I have about the budget?".' };
      return { answer: describeEdits(id, state) };
    }
    case 'read':
      return withFile(intent.file, 'read_file', (fileId, driveId) => ({ fileId, ...driveArg(driveId) }), (result, item) => readAnswer(result, item));
    case 'delete':
      return withFile(intent.file, 'delete_file', (fileId, driveId) => ({ fileId, ...driveArg(driveId) }), (result, item) => actionAnswer(`delete ${fileLabel(item)}`, result));
    case 'share':
      return withFile(
        intent.file,
        'create_sharing_link',
        (fileId, driveId) => ({ fileId, ...driveArg(driveId), scope: intent.scope, ...(intent.scope === 'users' ? { recipients: intent.recipients } : {}) }),
        (result, item) => actionAnswer(`create a ${intent.scope} sharing link for ${fileLabel(item)}${intent.recipients.length ? ` for ${intent.recipients.join(', ')}` : ''}`, result),
      );
    case 'send-mail': {
      if (intent.to.length === 0) return { answer: `Who should I send it to? Include an e-mail address, e.g. "send a mail to ${examples.colleague ?? 'a colleague'} about the budget saying ...".` };
      // "send that summary to ...": the mail carries the summary given before, under its title.
      const earlier = intent.bodyRefersToData && !intent.bodyGiven ? lastSummary(state) : undefined;
      if (intent.bodyRefersToData && !intent.bodyGiven && !earlier) return { answer: 'Which summary do you mean? Ask me to summarise a file first, then say "send that summary to ...".' };
      const subject = earlier && !intent.subjectGiven ? earlier.title : intent.subject;
      const body = earlier ? earlier.text : intent.body;
      const result = resultOf('send_mail');
      if (result !== undefined) return { answer: actionAnswer(`send a mail to ${intent.to.join(', ')} with the subject "${subject}"`, result) };
      return tools.has('send_mail') ? { tool: 'send_mail', args: { to: intent.to, subject, body } } : missing('send_mail');
    }
    case 'meeting': {
      const result = resultOf('create_event');
      if (result !== undefined) return { answer: actionAnswer(`create the meeting "${intent.subject}" from ${intent.start} to ${intent.end}${intent.attendees.length ? ` with ${intent.attendees.join(', ')}` : ''}`, result) };
      return tools.has('create_event') ? { tool: 'create_event', args: { subject: intent.subject, start: intent.start, end: intent.end, attendees: intent.attendees } } : missing('create_event');
    }
  }

  /** Resolves the file (by id, by searching, or from context), then runs the target tool on it. */
  function withFile(
    ref: FileRef | undefined,
    target: string,
    argsFor: (fileId: string, driveId?: string) => Record<string, unknown>,
    answer: (result: string, item: ResultItem) => string,
  ): Next {
    if (!tools.has(target)) return missing(target);
    const done = steps.find((s) => s.call.name === target && s.result !== undefined);
    if (done) return { answer: answer(done.result ?? '', { id: fileIdOf(done.call), fields: {}, ...nameFromSearch(state.allSteps, fileIdOf(done.call)) }) };
    if (!ref) return { answer: 'Which file? Give me its name, for example "the budget file" or "Q3-report.docx".' };
    if ('id' in ref) return { tool: target, args: argsFor(ref.id) };
    if ('ordinal' in ref) {
      const item = itemAt(state, ref.ordinal);
      return item?.id ? { tool: target, args: argsFor(item.id) } : { answer: 'Which file do you mean? I have not shown you a list of files in this conversation yet.' };
    }
    if ('contextual' in ref) {
      const id = contextualFileId(state);
      return id ? { tool: target, args: argsFor(id) } : { answer: 'Which file do you mean? Give me its name.' };
    }
    const search = steps.find((s) => s.call.name === 'search_files' && s.result !== undefined);
    if (!search) return tools.has('search_files') ? { tool: 'search_files', args: { query: ref.query } } : { tool: target, args: argsFor(ref.query) };
    const item = pickItem(extractItems(search.result ?? ''), ref.query);
    if (!item?.id) {
      const text = resultText(search.result ?? '');
      // A withheld or failed search is not "no such file": say what came back.
      return text && parseNothing(text) && !isJsonResult(search.result ?? '')
        ? { answer: `I could not find "${ref.query}" in the search result: ${summarize(text)}` }
        : { answer: `I found no file matching "${ref.query}".` };
    }
    return last?.call.name === target ? { answer: answer(last.result ?? '', item) } : { tool: target, args: argsFor(item.id, item.fields.driveId) };
  }
}

/** The drive a search hit named: a site library file is only found with it. */
function driveArg(driveId: string | undefined): { driveId?: string } {
  return driveId ? { driveId } : {};
}

function fileIdOf(call: ModelToolCall): string {
  try {
    const args = JSON.parse(call.arguments) as Record<string, unknown>;
    return typeof args.fileId === 'string' ? args.fileId : '';
  } catch {
    return '';
  }
}

function nameFromSearch(steps: TurnStep[], id: string): { name?: string } {
  for (const s of steps) {
    if (!listTools.has(s.call.name) || !s.result) continue;
    const hit = extractItems(s.result).find((i) => i.id === id);
    if (hit?.name) return { name: hit.name };
  }
  return {};
}

/** "this document": the last file a tool was called on, else the first hit of the last search. */
function contextualFileId(state: TurnState): string | undefined {
  for (const call of [...state.allCalls].reverse()) {
    const id = fileIdOf(call);
    if (id) return id;
  }
  return undefined;
}

function fileLabel(item: ResultItem): string {
  return item.name ? `"${item.name}"` : `file ${item.id ?? ''}`.trim();
}

function describeProfile(content: string): string {
  const doc = documentOf(content);
  const fields = recordOf(content)?.fields ?? extractItems(content)[0]?.fields;
  if (fields) {
    const known = (v: string | undefined) => (v && !/^(?:unknown|not set|none listed)$/i.test(v) ? v : undefined);
    const name = known(fields.displayName ?? fields.name ?? fields.Name);
    const mail = known(fields.mail ?? fields.userPrincipalName ?? fields.email ?? fields.Account);
    const extra = [known(fields.jobTitle ?? fields['Job title']), known(fields.department ?? fields.Department)].filter(Boolean).join(', ');
    if (name || mail) return `You are ${name ?? mail}${name && mail ? ` (${mail})` : ''}${extra ? `, ${extra}` : ''}.`;
  }
  return `Here is what your profile says: ${summarize(doc.text) || '(empty)'}`;
}

function listAnswer(content: string, title: string, none: string): string {
  if (isFailureResult(content)) return `I couldn't get that: ${summarize(resultText(content))}`;
  const items = extractItems(content);
  if (items.length === 0) {
    const text = resultText(content);
    return text && !isJsonResult(content) && parseNothing(text) ? `${title}:\n${summarize(text)}` : none;
  }
  const lines = items.slice(0, 20).map((i) => {
    const name = i.name ?? i.id ?? 'item';
    const stamp = i.fields.lastModifiedDateTime ?? i.fields.modified ?? i.fields.lastModified;
    const when = stamp && stamp !== 'unknown' ? stamp : undefined;
    return `- ${name}${i.id && i.name ? ` (id ${i.id})` : ''}${when ? `, modified ${when}` : ''}`;
  });
  const more = items.length > 20 ? `\n…and ${items.length - 20} more.` : '';
  return `${title} (${items.length}):\n${lines.join('\n')}${more}`;
}

/** A non-JSON text that is not an empty-result sentence. */
function parseNothing(text: string): boolean {
  return !/\b(?:no (?:files?|results?|items?|pages?)|nothing found|0 results)\b/i.test(text);
}

function readAnswer(content: string, item: ResultItem): string {
  if (isFailureResult(content)) return `I couldn't read ${fileLabel(item)}: ${summarize(resultText(content))}`;
  const doc = documentOf(content);
  const name = doc.name ?? item.name;
  const summary = summarize(doc.text);
  if (!summary) return `${name ? `"${name}"` : 'The file'} is empty or could not be read.`;
  return `Summary of ${name ? `"${name}"` : 'the file'}: ${summary}`;
}

function actionAnswer(what: string, content: string): string {
  const text = summarize(resultText(content)) || '(no details)';
  return `I asked to ${what}.\nResult: ${text}`;
}

/** Tools whose results are lists of files the user can point into ("the second one"). */
const listTools = new Set(['search_files', 'list_recent_files']);

/** The n-th item (1-based; -1 = the last) of the newest list of files shown in the conversation. */
function itemAt(state: TurnState, ordinal: number): ResultItem | undefined {
  for (const step of [...state.allSteps].reverse()) {
    if (!listTools.has(step.call.name) || !step.result) continue;
    const items = extractItems(step.result).filter((i) => i.id);
    if (items.length === 0) continue;
    return ordinal === -1 ? items[items.length - 1] : items[ordinal - 1];
  }
  return undefined;
}

/** The id of the file a follow-up means: named by id, by position, by name, or the one in context. */
function fileIdFor(ref: FileRef | undefined, state: TurnState): string | undefined {
  if (!ref || 'contextual' in ref) return contextualFileId(state);
  if ('id' in ref) return ref.id;
  if ('ordinal' in ref) return itemAt(state, ref.ordinal)?.id;
  const items = state.allSteps.filter((s) => listTools.has(s.call.name) && s.result).flatMap((s) => extractItems(s.result ?? ''));
  return pickItem(items, ref.query, 1)?.id;
}

/** "Who last edited it?": from what a file list said about the file. */
function describeEdits(id: string, state: TurnState): string {
  const item = [...state.allSteps]
    .reverse()
    .filter((s) => listTools.has(s.call.name) && s.result)
    .flatMap((s) => extractItems(s.result ?? ''))
    .find((i) => i.id === id);
  if (!item) return 'I do not know who last edited that file: it was not in a file list I showed you. Search for it first, for example "what files do I have about the budget?".';
  const by = item.fields['last edited by'] ?? item.fields.lastModifiedBy;
  const when = item.fields.modified ?? item.fields.lastModifiedDateTime;
  const known = (v: string | undefined) => (v && v !== 'unknown' ? v : undefined);
  const label = fileLabel(item);
  if (known(by)) return `${label} was last edited by ${by}${known(when) ? ` on ${when}` : ''}.`;
  return known(when) ? `${label} was last changed on ${when}; the file list does not say by whom.` : `The file list does not say who last edited ${label}.`;
}

/** The newest summary this model gave in the conversation: its title and text (without footer or notes). */
function lastSummary(state: TurnState): { title: string; text: string } | undefined {
  for (const answer of [...state.earlierAnswers].reverse()) {
    const match = /^Summary of (?:"([^"\n]{1,300})"|the file): /.exec(answer);
    if (!match) continue;
    const text = answer.slice(match[0].length).split('\n\n')[0]?.trim() ?? '';
    if (text) return { title: match[1] ? `Summary of ${match[1]}` : 'Summary', text };
  }
  return undefined;
}
