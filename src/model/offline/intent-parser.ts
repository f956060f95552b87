// Reads what the user wants from plain words, for the offline demo model.
// Deterministic keyword rules, not language understanding: good enough to
// drive the demo tools, and honest about it in every reply.
import { parseMeetingTime } from './meeting-time.js';
import { MAX_PARSE_CHARS, cutAt, fileNameIn, findEmails, firstQuoted, looksLikeId, ordinalIn, tidy } from './text-patterns.js';

/** A file the user named: an id, words to search for, "this document" (the one in context) or "the second one" (of the list shown before; -1 = the last). */
export type FileRef = { id: string } | { query: string } | { contextual: true } | { ordinal: number };

export type ShareScope = 'organization' | 'anonymous' | 'users';

export type Intent =
  | { kind: 'help' }
  | { kind: 'reveal-prompt' }
  | { kind: 'who-am-i' }
  | { kind: 'search'; query: string }
  | { kind: 'recent' }
  | { kind: 'read'; file?: FileRef }
  | { kind: 'file-info'; file?: FileRef }
  | { kind: 'site-pages'; site?: string }
  | { kind: 'list-items'; site?: string; list?: string }
  | { kind: 'send-mail'; to: string[]; subject: string; body: string; bodyRefersToData: boolean; subjectGiven: boolean; bodyGiven: boolean }
  | { kind: 'share'; file?: FileRef; scope: ShareScope; recipients: string[] }
  | { kind: 'delete'; file?: FileRef }
  | { kind: 'meeting'; subject: string; start: string; end: string; attendees: string[] }
  | { kind: 'unknown' };

export type ActionIntent = Extract<Intent, { kind: 'send-mail' | 'share' | 'delete' | 'meeting' }>;

const has = (re: RegExp, s: string) => re.test(s);

export function parseIntent(input: string, now: Date = new Date()): Intent {
  const text = (typeof input === 'string' ? input : '').slice(0, MAX_PARSE_CHARS).replace(/\s+/g, ' ').trim();
  // Classify on the words outside quotes: "Summarise "Launch event plan"" is a read, not a meeting.
  const lower = text.replace(/"[^"]{0,200}"|“[^”]{0,200}”/g, ' "" ').toLowerCase();
  if (!lower) return { kind: 'help' };
  const startsAsRead = /^(?:please\s+)?(?:summari[sz]e|read|open|what(?:'s| is) in)\b/.test(lower);

  if (has(/\b(?:system (?:prompt|message)|your (?:instructions|prompt|rules|guidelines)|initial (?:instructions|prompt)|canary|secret marker|hidden instructions)\b/, lower)) {
    return { kind: 'reveal-prompt' };
  }
  if (has(/\bwho\s+(?:last\s+)?(?:edited|modified|changed|updated|touched|worked on)\b|\blast\s+(?:edited|modified|changed|updated)\s+by\b|\bwhen\s+was\s+(?:it|this|that|the\s+\w{1,20})\s+(?:last\s+)?(?:edited|modified|changed|updated)\b/, lower)) {
    return { kind: 'file-info', file: fileRefAfter(text, /\b(?:edited|modified|changed|updated|touched|worked on)\b/i) ?? { contextual: true } };
  }
  // "the second one": a position in the list shown before means that file.
  if (/^(?:and\s+|now\s+|ok(?:ay)?,?\s+|then\s+)?(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|\d{1,2}(?:st|nd|rd|th))(?:\s+(?:one|file|document|item))?(?:\s+please)?[\s.?!]{0,5}$/.test(lower)) {
    const ordinal = ordinalIn(text);
    if (ordinal !== undefined) return { kind: 'read', file: { ordinal } };
  }
  if (startsAsRead) {
    return { kind: 'read', file: fileRefAfter(text, /\b(?:summari[sz]e|read|open|what(?:'s| is) in)\b/i) };
  }
  if (
    has(/\b(?:schedule|book|set up|arrange|organi[sz]e|plan|create|add|put)\b/, lower) && has(/\b(?:meeting|event|appointment|call|sync|catch-up)\b/, lower) ||
    has(/\bmeeting with\b/, lower)
  ) {
    return meetingIntent(text, lower, now);
  }
  if (has(/\bshare\b|\bsharing link\b|\b(?:create|make|get|generate) (?:a |an )?(?:\w{1,20} )?link\b/, lower)) {
    return shareIntent(text, lower);
  }
  const emails = findEmails(text);
  // Only a request to send is one: an address or a card number in a message ("please note them") is not.
  if (has(sendRequest, lower) && (emails.length > 0 || has(/\b(?:e-?mail|mail|message)\b/, lower))) {
    return mailIntent(text, lower, emails);
  }
  if (has(/\b(?:delete|remove|erase|trash|destroy|wipe)\b/, lower)) {
    return { kind: 'delete', file: fileRefAfter(text, /\b(?:delete|remove|erase|trash|destroy|wipe)\b/i) };
  }
  if (has(/\blist\b/, lower) && has(/\b(?:items?|entries|rows|records)\b|\bsite\b/, lower) && !has(/\blist (?:the |my )?(?:pages|files|documents)\b/, lower)) {
    return { kind: 'list-items', site: siteName(text), list: listName(text) };
  }
  if (has(/\bpages?\b/, lower) && (has(/\bsites?\b/, lower) || siteName(text))) {
    return { kind: 'site-pages', site: siteName(text) };
  }
  if (has(/\bwho am i\b|\bmy (?:profile|account|details)\b|\bwhat(?:'s| is) my (?:name|e-?mail|title|job)\b|\babout me\b|\bwhoami\b/, lower)) {
    return { kind: 'who-am-i' };
  }
  if (has(/\brecent(?:ly)?\b|\blatest\b|\blast (?:few )?(?:files|documents)\b|\bwhat (?:did|have) i (?:work|been working)/, lower)) {
    return { kind: 'recent' };
  }
  if (has(/\b(?:summari[sz]e|summary|read|open|contents? of|tell me about)\b|\bwhat(?:'s| is) in\b/, lower)) {
    return { kind: 'read', file: fileRefAfter(text, /\b(?:summari[sz]e|summary of|summary|read|open|contents? of|tell me about|what(?:'s| is) in)\b/i) };
  }
  if (has(/\b(?:search|find|look (?:for|up)|files?|documents?|docs|presentations?|spreadsheets?|anything)\b/, lower)) {
    const query = searchQuery(text);
    if (query) return { kind: 'search', query };
  }
  if (has(/^(?:hi|hello|hey|hallo|good (?:morning|afternoon|evening)|start|thanks?|thank you)\b|\bhelp\b|\bwhat can you do\b|\bwhat do you do\b/, lower)) {
    return { kind: 'help' };
  }
  return { kind: 'unknown' };
}

const sendRequest =
  /\b(?:send|forward)\b|\b(?:write|draft|compose)\s+(?:a\s+|an\s+)?(?:new\s+)?(?:e-?mail|mail|message|note)\b|\b(?:e-?mail|mail|message)\s+(?:it|this|that|them|him|her|to)\b|^(?:please\s+)?(?:e-?mail|mail|message)\s+[^\s@]{1,64}@/;

export function isActionIntent(intent: Intent): intent is ActionIntent {
  return intent.kind === 'send-mail' || intent.kind === 'share' || intent.kind === 'delete' || intent.kind === 'meeting';
}

const fileWords = /\b(?:file|files|document|documents|doc|docs|report|spreadsheet|presentation|deck)\b/gi;

/** The file named after a verb: a quoted name, a file name, "this document", or the words after the verb. */
export function fileRefAfter(text: string, verb: RegExp): FileRef | undefined {
  const quoted = firstQuoted(text);
  if (quoted) return toRef(quoted);
  const ordinal = ordinalIn(text);
  if (ordinal !== undefined) return { ordinal };
  // "the file Campaign ideas.txt": a name with spaces right after the word file/document.
  const spaced = /\b(?:file|document)\s+(?:named\s+|called\s+)?([A-Za-z0-9][^,;:!?"\n]{0,80}?\.(?:docx?|xlsx?|pptx?|pdf|txt|md|csv))\b/i.exec(text)?.[1];
  if (spaced) return toRef(spaced.trim());
  const named = fileNameIn(text);
  if (named) return toRef(named);
  const m = verb.exec(text);
  const rest = m ? text.slice(m.index + m[0].length) : text;
  const about = /\b(?:about|on|regarding|called|named)\s+(.{1,120})/i.exec(rest);
  const phrase = tidy(cutAt(` ${about ? about[1] : rest} `, ['with', 'to', 'for', 'and', 'so', 'then', 'because', 'using', 'in', 'from', 'please']));
  if (looksLikeId(phrase)) return { id: phrase };
  const words = tidy(phrase.replace(fileWords, ' ').replace(/\s+/g, ' '));
  if (!words || /^(?:it|this|that|them|these|those|all|everything)$/i.test(words)) {
    return /\b(?:this|that|the same|the attached|current)\s+(?:file|document|doc|report|item|spreadsheet|presentation)\b|\bit\b/i.test(text) ? { contextual: true } : undefined;
  }
  return toRef(words);
}

function toRef(ref: string): FileRef {
  return looksLikeId(ref) ? { id: ref } : { query: ref };
}

export function searchQuery(text: string): string {
  const quoted = firstQuoted(text);
  if (quoted) return quoted;
  const about =
    /\b(?:about|regarding|named|called|mentioning|related to|containing)\s+(.{1,120})/i.exec(text) ?? /\b(?:on|for|with)\s+(.{1,120})/i.exec(text);
  const raw = about ? (about[1] ?? '') : text.replace(/\b(?:what|which|do|does|i|have|has|me|my|show|find|search|look|for|up|any|all|the|a|an|are|there|can|you|please|list|get|files?|documents?|docs)\b/gi, ' ');
  return tidy(cutAt(` ${raw.replace(/\s+/g, ' ')} `, ['and', 'then', 'please'])).replace(fileWords, '').replace(/\s+/g, ' ').trim();
}

function siteName(text: string): string | undefined {
  const quoted = /\bsite\s+"([^"\n]{1,80})"/i.exec(text)?.[1];
  if (quoted) return quoted.trim();
  const before = /\b(?:on|in|of|from|at|for)\s+(?:the\s+)?([A-Za-z0-9_-]{1,40}(?:\s[A-Za-z0-9_-]{1,40}){0,2}?)\s+(?:site|team site|sharepoint site)\b/i.exec(text)?.[1];
  if (before) return before.trim();
  const after = /\bsite\s+(?:named\s+|called\s+)?([A-Za-z0-9_-]{1,60})/i.exec(text)?.[1];
  return after && !/^(?:pages?|lists?)$/i.test(after) ? after : undefined;
}

function listName(text: string): string | undefined {
  const quoted = /\blist\s+"([^"\n]{1,80})"|"([^"\n]{1,80})"\s+list\b/i.exec(text);
  if (quoted) return (quoted[1] ?? quoted[2])?.trim();
  const before = /\b(?:in|of|from|on|the)\s+(?:the\s+)?([A-Za-z0-9_-]{1,40}(?:\s[A-Za-z0-9_-]{1,40}){0,2}?)\s+list\b/i.exec(text)?.[1];
  if (before && !/^(?:the|a|my)$/i.test(before)) return before.trim();
  return /\blist\s+(?:named\s+|called\s+)?([A-Za-z0-9_-]{1,60})/i.exec(text)?.[1]?.replace(/^(?:items?|on|in)$/i, '') || undefined;
}

function mailIntent(text: string, lower: string, to: string[]): Intent {
  const subjectMatch = /\bsubject\s*:?\s*(?:"([^"\n]{1,200})"|([^\n,.;]{1,120}))/i.exec(text);
  const about = /\babout\s+(.{1,160})/i.exec(text);
  const subject = tidy(
    subjectMatch ? (subjectMatch[1] ?? subjectMatch[2] ?? '') : about ? cutAt(` ${about[1]} `, ['saying', 'that', 'with', 'and', 'telling', 'body', 'to']) : '',
  );
  const bodyMatch = /\b(?:saying|that says|says|say|telling (?:them|him|her)|body\s*:|message\s*:|with the (?:text|message))\s*:?\s*(.{1,2000})/i.exec(text);
  const body = bodyMatch ? (bodyMatch[1] ?? '').trim().replace(/^["“]|["”]$/g, '') : subject;
  const bodyRefersToData = /\b(?:contents?|summary|this (?:document|file|data|email|page|text|report)|the (?:document|file|data|results?|report)|everything|all (?:the )?(?:data|files|documents|results)|above|conversation)\b/.test(lower);
  return { kind: 'send-mail', to, subject: subject || 'Message from the Secure Teams Agent', body: body || subject || '(no text)', bodyRefersToData, subjectGiven: subject !== '', bodyGiven: bodyMatch !== null };
}

function shareIntent(text: string, lower: string): Intent {
  const recipients = findEmails(text);
  const scope: ShareScope = /\b(?:anyone|anonymous|public|publicly|everyone with the link|external|outside)\b/.test(lower)
    ? 'anonymous'
    : recipients.length > 0
      ? 'users'
      : 'organization';
  const withoutEmails = recipients.reduce((t, e) => t.split(e).join(' '), text);
  return { kind: 'share', file: fileRefAfter(withoutEmails, /\b(?:share|link (?:to|for)|link)\b/i), scope, recipients };
}

function meetingIntent(text: string, lower: string, now: Date): Intent {
  const attendees = findEmails(text);
  const quoted = firstQuoted(text);
  const about = /\b(?:about|regarding|to discuss|titled|called|named)\s+(.{1,120})/i.exec(text);
  const subject = quoted ?? (about ? tidy(cutAt(` ${about[1]} `, ['with', 'at', 'on', 'tomorrow', 'today', 'for', 'next', 'and'])) : '');
  const { start, end } = parseMeetingTime(lower, now);
  return { kind: 'meeting', subject: subject || 'Meeting', start: start.toISOString(), end: end.toISOString(), attendees };
}
