// Reads tool results as DATA for the offline model: items (id, name, ...) out
// of JSON or "key: value" text, and readable text out of a file result. It
// never looks for instructions in them.
import { despotlight } from '../../prompt/spotlight.js';
import { firstSentences } from './text-patterns.js';

export interface ResultItem {
  id?: string;
  name?: string;
  fields: Record<string, string>;
}

const MAX_RESULT_CHARS = 200_000;
const idKeys = ['id', 'fileId', 'itemId', 'driveItemId', 'pageId'];
const nameKeys = ['name', 'title', 'displayName', 'fileName', 'subject', 'Title'];
const textKeys = ['content', 'text', 'body', 'preview', 'summary', 'description', 'snippet'];

/** Plain text of a (possibly spotlighted) tool result. */
export function resultText(content: string): string {
  return despotlight(content.slice(0, MAX_RESULT_CHARS)).trim();
}

/** Parses JSON from the text, or from its first {...} / [...] span. */
export function parseJsonLoose(text: string): unknown {
  for (const candidate of [text, spanBetween(text, '[', ']'), spanBetween(text, '{', '}')]) {
    if (!candidate) continue;
    try {
      return JSON.parse(candidate);
    } catch {
      // not JSON; try the next candidate
    }
  }
  return undefined;
}

function spanBetween(text: string, open: string, close: string): string | undefined {
  const a = text.indexOf(open);
  const b = text.lastIndexOf(close);
  return a !== -1 && b > a ? text.slice(a, b + 1) : undefined;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function toItem(record: Record<string, unknown>): ResultItem {
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(record)) {
    const s = scalar(v);
    if (s !== undefined) fields[k] = s;
    // SharePoint list items keep their columns under "fields".
    const nested = asRecord(v);
    if (nested && k === 'fields') for (const [nk, nv] of Object.entries(nested)) { const ns = scalar(nv); if (ns !== undefined) fields[nk] = ns; }
  }
  const id = idKeys.map((k) => fields[k]).find((v) => v);
  const name = nameKeys.map((k) => fields[k]).find((v) => v);
  return { ...(id ? { id } : {}), ...(name ? { name } : {}), fields };
}

/** Items in a list-like result: a JSON array, or an object holding one (value, items, files, results...). */
export function extractItems(content: string): ResultItem[] {
  const text = resultText(content);
  const json = parseJsonLoose(text);
  const array = Array.isArray(json) ? json : findArray(asRecord(json));
  if (array) return array.map(asRecord).filter((r): r is Record<string, unknown> => r !== undefined).map(toItem).slice(0, 100);
  return itemsFromLines(text);
}

function findArray(record: Record<string, unknown> | undefined, depth = 0): unknown[] | undefined {
  if (!record || depth > 2) return undefined;
  for (const key of ['value', 'items', 'files', 'results', 'hits', 'pages', 'data']) {
    const v = record[key];
    if (Array.isArray(v)) return v;
  }
  for (const v of Object.values(record)) {
    if (Array.isArray(v) && v.some((x) => asRecord(x))) return v;
    const nested = findArray(asRecord(v), depth + 1);
    if (nested) return nested;
  }
  return undefined;
}

/**
 * Items from text lines, as the read tools write them:
 *   "1. Budget 2026.xlsx — fileId: 01AB; zone: internal; modified: 2026-11-20"
 *   "2. Title: Write launch blog; Status: open"
 *   "- Budget (id: 123)"
 */
function itemsFromLines(text: string): ResultItem[] {
  const items: ResultItem[] = [];
  for (const raw of text.split('\n').slice(0, 300)) {
    const line = raw.slice(0, 1000);
    const numbered = /^\s{0,3}(?:\d{1,4}[.)]|[-*•])\s+(.*)$/.exec(line)?.[1];
    const id = /\b(?:file|item|page|drive)?id\s{0,3}[:=]\s{0,3}["']?([A-Za-z0-9!_.-]{1,200})/i.exec(line)?.[1];
    if (numbered === undefined && !id) continue;
    const body = numbered ?? line;
    const fields = keyValues(body.split(/\s[—–]\s/).slice(-1)[0] ?? '', ';');
    const dash = body.split(/\s[—–]\s/);
    const name =
      (dash.length > 1 ? dash[0]?.trim() : undefined) ??
      fields.Title ?? fields.title ?? fields.Name ?? fields.name ??
      body.replace(/\(?\b(?:file|item|page)?id\s{0,3}[:=].{0,200}$/i, '').trim();
    items.push({ ...(id ? { id } : {}), ...(name ? { name } : {}), fields: { ...fields, ...(id ? { id } : {}), ...(name ? { name } : {}) } });
  }
  return items;
}

/** "Key: value" pairs split by a separator (lines or semicolons). */
export function keyValues(text: string, separator: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(separator).slice(0, 50)) {
    const at = part.indexOf(':');
    if (at <= 0 || at > 40) continue;
    const key = part.slice(0, at).trim();
    if (key) out[key] = part.slice(at + 1).trim();
  }
  return out;
}

/** Best item for a query: the most query words in its name, earlier items win ties. */
export function pickItem(items: ResultItem[], query: string, minMatchingWords = 0): ResultItem | undefined {
  const words = query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1);
  let best: ResultItem | undefined;
  let bestScore = minMatchingWords - 1;
  for (const item of items) {
    if (!item.id) continue;
    const name = (item.name ?? '').toLowerCase();
    const score = words.filter((w) => name.includes(w)).length;
    if (score > bestScore) {
      best = item;
      bestScore = score;
    }
  }
  return best;
}

/** The fields of a single-object result (e.g. a profile): a JSON object or "Key: value" lines. */
export function recordOf(content: string): ResultItem | undefined {
  const text = resultText(content);
  const record = asRecord(parseJsonLoose(text));
  if (record) return toItem(record);
  const fields = keyValues(text, '\n');
  return Object.keys(fields).length > 0 ? { fields } : undefined;
}

/** True when the result is JSON (so an empty list really means nothing was found). */
export function isJsonResult(content: string): boolean {
  return parseJsonLoose(resultText(content)) !== undefined;
}

/** The readable text of a file-like result and its name when present. */
export function documentOf(content: string): { name?: string; text: string } {
  const text = resultText(content);
  const record = asRecord(parseJsonLoose(text));
  if (record) {
    const item = toItem(record);
    const body = textKeys.map((k) => item.fields[k]).find((v) => v);
    if (body) return { ...(item.name ? { name: item.name } : {}), text: body };
  }
  // The read_file tool's text form: "File: NAME (zone: z)" then "---" then the body.
  const header = /^File: ([^\n]{1,300}?) \(zone: [a-z]{1,20}\)\n---\n/.exec(text);
  if (header) return { name: header[1] ?? '', text: text.slice(header[0].length) };
  // JSON cut short by the relevance chunker: read the fields that survived.
  const partial = /"(?:content|text|body)"\s{0,5}:\s{0,5}"((?:[^"\\]|\\.){1,20000})/.exec(text)?.[1];
  if (partial) {
    const name = /"(?:name|title)"\s{0,5}:\s{0,5}"((?:[^"\\]|\\.){1,300})"/.exec(text)?.[1];
    return { ...(name ? { name: unescapeJson(name) } : {}), text: unescapeJson(partial) };
  }
  return { text };
}

function unescapeJson(fragment: string): string {
  try {
    return JSON.parse(`"${fragment.replace(/\\$/, '')}"`) as string;
  } catch {
    return fragment.replace(/\\n/g, '\n').replace(/\\"/g, '"');
  }
}

/** Tool output that reports a failure or a policy decision instead of data. */
export function isFailureResult(content: string): boolean {
  return /^(?:error\b|the action \S{1,64} (?:was denied|needs approval))/i.test(resultText(content));
}

export function summarize(text: string): string {
  return firstSentences(text, 3, 400);
}
