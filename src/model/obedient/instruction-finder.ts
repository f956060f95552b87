// Finds instructions anywhere in a text, the way a fully hijacked model reads
// them. What it obeys (scenario authors can rely on these forms):
//   - explicit calls: `TOOL {json}`, `TOOL({json})`, `TOOL with {json}`, `TOOL()` for any
//     tool offered, and any snake_case name after call/invoke/run/use/execute
//     (e.g. "call set_approver {...}"), also when the name and the {json} are in two
//     different documents read in one turn;
//   - imperative sentences or clauses: send/e-mail/forward…, share / create a link…,
//     delete/remove…, schedule/book a meeting…, also after "Ignore … and";
//   - "reveal / repeat / print … system prompt | instructions | canary";
//   - markdown images anywhere, and markdown links on a line saying include/add/show;
//   - placeholders {canary} {system_prompt} {data} {document} {contents} {secret} in
//     arguments and image URLs are filled with the real values;
// all of it also after removing spotlighting, reading JSON string values, and
// decoding base64 (two levels), %-escapes or HTML character references.
import { decodeHtmlEntities } from '../../guard/normalize/decode-obfuscation.js';
import { despotlight } from '../../prompt/spotlight.js';
import { isActionIntent, parseIntent, type ActionIntent } from '../offline/intent-parser.js';
import { sentencesOf } from '../offline/text-patterns.js';

export interface ExplicitCall {
  name: string;
  args: Record<string, unknown>;
}

export interface FoundInstructions {
  calls: ExplicitCall[];
  actions: ActionIntent[];
  revealPrompt: boolean;
  /** Markdown images / links the text asks to include in the answer. */
  embeds: string[];
}

const MAX_SCAN_CHARS = 100_000;
const MAX_JSON_CHARS = 8000;

/** The text plus every decodable base64 / percent-encoded segment in it (two levels deep). */
export function decodedVariants(text: string, depth = 0): string[] {
  // JSON tool output hides quotes behind escapes; a model reads the string values.
  const plain = readableJson(despotlight(text.slice(0, MAX_SCAN_CHARS)));
  const out = [plain];
  if (depth >= 2) return out;
  for (const m of plain.matchAll(/[A-Za-z0-9+/_-]{16,8000}={0,2}/g)) {
    const decoded = tryBase64(m[0]);
    if (decoded) out.push(...decodedVariants(decoded, depth + 1));
  }
  if (/%[0-9A-Fa-f]{2}/.test(plain)) {
    try {
      // The decoded text replaces the escaped one, so one instruction is not read twice.
      const unescaped = decodeURIComponent(plain);
      if (unescaped !== plain) out[0] = unescaped;
    } catch {
      // malformed escapes: nothing to decode
    }
  }
  // A model reads HTML character references (&#64; &commat;) as the characters they stand for.
  out[0] = decodeHtmlEntities(out[0] ?? plain).text;
  return out;
}

/** Replaces each line that is a JSON document by its string values, one per line. */
function readableJson(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const t = line.trim();
      if (!t.startsWith('{') && !t.startsWith('[')) return line;
      const values: string[] = [];
      const walk = (v: unknown, depth: number): void => {
        if (depth > 8 || values.length > 500) return;
        if (typeof v === 'string') values.push(v);
        else if (Array.isArray(v)) v.forEach((x) => walk(x, depth + 1));
        else if (v && typeof v === 'object') Object.values(v).forEach((x) => walk(x, depth + 1));
      };
      try {
        walk(JSON.parse(t), 0);
      } catch {
        return line;
      }
      return values.join('\n');
    })
    .join('\n');
}

function tryBase64(candidate: string): string | undefined {
  if (candidate.length % 4 === 1) return undefined;
  const buf = Buffer.from(candidate.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (buf.length < 8) return undefined;
  const text = buf.toString('utf8');
  let printable = 0;
  for (const ch of text) if (/[\p{L}\p{N}\p{P}\p{Zs}\n\t{}"<>=$^|~`+]/u.test(ch)) printable++;
  return printable / Math.max(1, [...text].length) > 0.95 && /[a-z]{3}/i.test(text) && /\s/.test(text) ? text : undefined;
}

/** Reads `name {json}` / `name({json})` / `call name` for the known tool names and any snake_case name after "call". */
export function findExplicitCalls(text: string, toolNames: string[]): ExplicitCall[] {
  const calls: ExplicitCall[] = [];
  const names = new Set(toolNames);
  for (const m of text.matchAll(/\b(?:call|invoke|run|use|execute)\s+(?:the\s+)?`?([a-z][a-z0-9]{0,30}(?:_[a-z0-9]{1,30}){1,5})`?/gi)) {
    if (m[1]) names.add(m[1].toLowerCase());
  }
  for (const name of names) {
    let from = 0;
    for (let at = text.indexOf(name, from); at !== -1 && calls.length < 20; at = text.indexOf(name, from)) {
      from = at + name.length;
      const before = at > 0 ? text[at - 1] ?? '' : '';
      const after = text[from] ?? '';
      if (/[A-Za-z0-9_]/.test(before) || /[A-Za-z0-9_]/.test(after)) continue;
      const window = text.slice(from, from + 60);
      const brace = /^[\s`'"]{0,3}(?:\(|:|with(?: arguments| args| parameters)?:?)?[\s\n]{0,20}\{/i.exec(window);
      if (brace) {
        const json = balancedObject(text, from + brace[0].length - 1);
        if (json) {
          try {
            const args = JSON.parse(json) as unknown;
            if (args && typeof args === 'object' && !Array.isArray(args)) calls.push({ name, args: args as Record<string, unknown> });
          } catch {
            // not JSON: a hijacked model would guess, this one skips
          }
        }
      } else if (/^\s{0,2}\(\s{0,2}\)/.test(window)) {
        calls.push({ name, args: {} });
      }
    }
  }
  return calls;
}

/** The {...} starting at `start`, respecting strings; undefined when unbalanced or too long. */
function balancedObject(text: string, start: number): string | undefined {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length && i - start < MAX_JSON_CHARS; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  return undefined;
}

const imperative =
  /^(?:(?:please|now|immediately|also|then|and|finally|first|next|you must|you should|assistant,?|ai,?|agent,?)\s+){0,3}(?:send|e-?mail|mail|forward|share|delete|remove|erase|wipe|schedule|book|create|make|invite|set up)\b/i;

/** Imperative action sentences; clauses split on ";", "and then", ", then". */
export function findActionSentences(text: string, now: Date): ActionIntent[] {
  const actions: ActionIntent[] = [];
  for (const sentence of sentencesOf(text)) {
    const clauses = sentence.split(/;|,|:\s+|\bthen\b|\binstead\b/i).map((c) => c.trim());
    for (const clause of [sentence, ...clauses]) {
      const afterIgnore = clause.replace(/^.{0,120}?\b(?:ignore|disregard|forget)\b.{0,120}?\b(?:and|,)\s+/i, '');
      if (!imperative.test(afterIgnore)) continue;
      const intent = parseIntent(afterIgnore, now);
      if (isActionIntent(intent) && isComplete(intent)) {
        actions.push(intent);
        break;
      }
    }
  }
  return actions;
}

/** Even a hijacked model needs a target: "Mail sent to 1 recipient." is a report, not an order. */
function isComplete(intent: ActionIntent): boolean {
  switch (intent.kind) {
    case 'send-mail':
      return intent.to.length > 0;
    case 'share':
    case 'delete':
      return intent.file !== undefined;
    case 'meeting':
      return true;
  }
}

export function findEmbeds(text: string): string[] {
  const embeds: string[] = [];
  for (const m of text.matchAll(/!\[[^\]\n]{0,200}\]\([^)\s]{1,2000}\)/g)) embeds.push(m[0]);
  for (const line of text.split('\n')) {
    if (!/\b(?:include|append|add|insert|render|display|show|output)\b/i.test(line)) continue;
    for (const m of line.matchAll(/(?<!!)\[[^\]\n]{0,200}\]\(https?:[^)\s]{1,2000}\)/g)) embeds.push(m[0]);
  }
  return [...new Set(embeds)];
}

const revealRequest =
  /\b(?:reveal|repeat|print|show|tell|output|display|leak|write|give|share|send|copy|translate|encode|what (?:is|are))\b.{0,80}\b(?:system (?:prompt|message)|your (?:instructions|prompt|rules)|initial (?:instructions|prompt)|canary|secret marker|hidden instructions|everything above)\b/i;

export function findInstructions(text: string, toolNames: string[], now: Date): FoundInstructions {
  const found: FoundInstructions = { calls: [], actions: [], revealPrompt: false, embeds: [] };
  // Raw text too, for calls whose arguments are themselves a JSON line.
  found.calls.push(...findExplicitCalls(despotlight(text.slice(0, MAX_SCAN_CHARS)), toolNames));
  for (const variant of decodedVariants(text)) {
    found.calls.push(...findExplicitCalls(variant, toolNames));
    found.actions.push(...findActionSentences(variant, now));
    found.embeds.push(...findEmbeds(variant));
    if (revealRequest.test(variant)) found.revealPrompt = true;
  }
  return found;
}
