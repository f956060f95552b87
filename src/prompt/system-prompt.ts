// The system prompt lives in system-prompt.md (reviewed like code). Its
// version is the front-matter version plus a hash of the text, so an audit
// record names exactly which prompt a turn ran with.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LRUCache } from 'lru-cache';
import { isCanary, leakRefs } from './canary.js';
import { PromptError } from './prompt-error.js';

export interface SystemPromptTemplate {
  /** e.g. "2026-11-26.1+sha256:1a2b3c4d5e6f" */
  versionId: string;
  /** Body text with a {{canary}} placeholder and {{ref}} placeholders (rule ids). */
  text: string;
}

export const SYSTEM_PROMPT_FILE = fileURLToPath(new URL('./system-prompt.md', import.meta.url));

/** Parses the markdown file: a `---` front matter block with `version:`, then the prompt body. */
export function parseSystemPromptTemplate(source: string): SystemPromptTemplate {
  const normalized = source.replace(/\r\n/g, '\n');
  const match = /^---\n([\s\S]{0,2000}?)\n---\n/.exec(normalized);
  if (!match) throw new PromptError('system prompt file must start with a --- front matter block containing version: ...');
  const version = /^version:[ \t]{0,10}([A-Za-z0-9._-]{1,64})[ \t]{0,10}$/m.exec(match[1] ?? '')?.[1];
  if (!version) throw new PromptError('system prompt front matter needs a line like "version: 2026-11-26.1"');
  const text = normalized.slice(match[0].length).trim();
  if (!text.includes('{{canary}}')) throw new PromptError('system prompt must contain the {{canary}} placeholder');
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 12);
  return { versionId: `${version}+sha256:${hash}`, text };
}

let cached: SystemPromptTemplate | undefined;

/** Reads src/prompt/system-prompt.md once (a build must copy the .md beside the compiled .js). */
export function loadSystemPromptTemplate(file: string = SYSTEM_PROMPT_FILE): SystemPromptTemplate {
  if (file === SYSTEM_PROMPT_FILE && cached) return cached;
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    throw new PromptError(`system prompt file not found at ${file}; it ships beside system-prompt.ts (copy it into the build output)`);
  }
  const template = parseSystemPromptTemplate(source);
  if (file === SYSTEM_PROMPT_FILE) cached = template;
  return template;
}

// Every turn of a conversation renders the same prompt (one canary per conversation): keep the
// recent renderings instead of hashing the rule ids again on each turn.
const renderings = new WeakMap<SystemPromptTemplate, LRUCache<string, string>>();

/** Only a well-formed canary and the rule ids derived from it are substituted: nothing else ever enters the system prompt. */
export function renderSystemPrompt(template: SystemPromptTemplate, canary: string): string {
  if (!isCanary(canary)) throw new PromptError('canary must come from newCanary()');
  let cache = renderings.get(template);
  if (!cache) renderings.set(template, (cache = new LRUCache<string, string>({ max: 512 })));
  const known = cache.get(canary);
  if (known !== undefined) return known;
  const text = render(template, canary);
  cache.set(canary, text);
  return text;
}

function render(template: SystemPromptTemplate, canary: string): string {
  const parts = template.text.split('{{ref}}');
  const refs = leakRefs(canary, parts.length - 1);
  return parts
    .map((part, i) => (i === 0 ? part : refs[i - 1] + part))
    .join('')
    .split('{{canary}}')
    .join(canary);
}
