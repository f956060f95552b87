// The reply as Teams shows an AI agent's answer: the AI-generated label, the
// files and pages the answer used as citations ([n] markers in the text,
// names linked to their webUrl), feedback buttons, and a note when times could
// not be shown in the user's own time zone. Only what this turn's tools
// returned is cited; names and links come from Graph results, never from the
// model's text.
import { Activity, ActivityTypes, addAIToActivity, ClientCitationIconName, type ClientCitation, type SensitivityUsageInfo } from '@microsoft/agents-activity';
import { formatLocalTime, type UserTimeZone } from '../tools/local-time.js';
import type { SourceRef } from '../tools/tool.js';
import type { TurnReply } from './turn-pipeline.js';

/** Teams shows at most this many citations on one message. */
const maxCitations = 20;

export interface ReplyRenderOptions {
  timeZone: UserTimeZone;
}

/** True for answers the model wrote (not sign-in prompts, refusals or errors of ours). */
export function isModelAnswer(reply: Pick<TurnReply, 'outcome'>): boolean {
  return reply.outcome === 'replied' || reply.outcome === 'needs-approval';
}

/**
 * A message activity of fields we set ourselves (a string text, plain channel data). Not through
 * Activity.fromObject: its schema check is for activities from outside, and the SDK checks the
 * activity again when it sends it.
 */
function messageActivity(fields: { text: string; channelData?: Record<string, unknown> }): Activity {
  return Object.assign(new Activity(ActivityTypes.Message), fields);
}

export function replyActivity(reply: TurnReply, options: ReplyRenderOptions): Activity {
  if (!isModelAnswer(reply)) return messageActivity({ text: reply.text });
  // [n] is ours alone: a marker the model wrote would point at one of our citations.
  let text = reply.text.replace(/\[(\d{1,4})\]/g, '($1)');
  const cited = citedSources(text, reply.sources ?? []);
  text = cited.text;
  if (options.timeZone.fallback && /\bUTC\b/.test(text)) text += '\n\n_Times are in UTC: Teams did not tell me your time zone._';
  const activity = messageActivity({ text, channelData: { feedbackLoopEnabled: true } });
  addAIToActivity(activity, cited.citations.length > 0 ? cited.citations : undefined, cited.zones.includes('confidential') ? confidentialUsage : undefined);
  return activity;

  function citedSources(body: string, sources: SourceRef[]): { text: string; citations: ClientCitation[]; zones: string[] } {
    const citations: ClientCitation[] = [];
    const zones: string[] = [];
    const inserts: Array<{ at: number; marker: string }> = [];
    const unplaced: string[] = [];
    for (const source of sources) {
      if (citations.length >= maxCitations) break;
      const at = mentionEnd(body, source.name);
      // A listed item is cited where the answer names it; a read one is cited anyway (its content was used).
      if (at === undefined && !source.read) continue;
      const position = citations.length + 1;
      citations.push(citationOf(source, position, options.timeZone.zone));
      if (source.zone) zones.push(source.zone);
      if (at === undefined) unplaced.push(`[${position}]`);
      else inserts.push({ at, marker: ` [${position}]` });
    }
    let out = body;
    for (const { at, marker } of inserts.sort((a, b) => b.at - a.at)) out = out.slice(0, at) + marker + out.slice(at);
    if (unplaced.length > 0) {
      // After the first paragraph: the answer itself, before footers.
      const end = out.indexOf('\n\n');
      const cut = end === -1 ? out.length : end;
      out = `${out.slice(0, cut)} ${unplaced.join(' ')}${out.slice(cut)}`;
    }
    return { text: out, citations, zones };
  }
}

/** Index just after the first mention of the name (and a closing quote right after it), if the text names it. */
function mentionEnd(text: string, name: string): number | undefined {
  if (name.trim().length < 3) return undefined;
  const start = text.indexOf(name);
  if (start === -1) return undefined;
  let end = start + name.length;
  if (end < text.length && '"”\'*_)'.includes(text[end]!)) end++;
  return end;
}

function citationOf(source: SourceRef, position: number, zone: string): ClientCitation {
  const url = safeUrl(source.webUrl);
  const modified = formatLocalTime(source.modified, zone);
  const abstract = [kindLabel(source), source.zone ? `${source.zone} zone` : undefined, modified ? `modified ${modified}` : undefined].filter(Boolean).join(' · ');
  return {
    '@type': 'Claim',
    position,
    appearance: {
      '@type': 'DigitalDocument',
      name: plainName(source.name, 80),
      ...(url ? { url } : {}),
      abstract: abstract.slice(0, 160),
      image: { '@type': 'ImageObject', name: iconOf(source) },
    },
  };
}

/** Graph names are data: no control or bidi characters, no brackets that could fake a marker, a link or markup. */
function plainName(name: string, max: number): string {
  const cleaned = name
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/[[\]<>]/g, (c) => ({ '[': '(', ']': ')', '<': '‹', '>': '›' })[c] ?? ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const clipped = cleaned.length > max ? `${cleaned.slice(0, max - 1)}…` : cleaned;
  return clipped || 'Untitled';
}

/** Only an absolute http(s) URL without credentials, as Graph gives webUrl. */
export function safeUrl(raw: string | undefined): string | undefined {
  if (!raw || raw.length > 2048) return undefined;
  try {
    const url = new URL(raw);
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}

const iconsByExtension: Record<string, ClientCitationIconName> = {
  doc: ClientCitationIconName.MicrosoftWord,
  docx: ClientCitationIconName.MicrosoftWord,
  xls: ClientCitationIconName.MicrosoftExcel,
  xlsx: ClientCitationIconName.MicrosoftExcel,
  ppt: ClientCitationIconName.MicrosoftPowerPoint,
  pptx: ClientCitationIconName.MicrosoftPowerPoint,
  one: ClientCitationIconName.MicrosoftOneNote,
  vsdx: ClientCitationIconName.MicrosoftVisio,
  loop: ClientCitationIconName.MicrosoftLoop,
  pdf: ClientCitationIconName.PDF,
  zip: ClientCitationIconName.ZIP,
  png: ClientCitationIconName.Image,
  jpg: ClientCitationIconName.Image,
  jpeg: ClientCitationIconName.Image,
  gif: ClientCitationIconName.GIF,
  mp4: ClientCitationIconName.Video,
  mp3: ClientCitationIconName.Sound,
};

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? '' : name.slice(dot + 1).toLowerCase();
}

function iconOf(source: SourceRef): ClientCitationIconName {
  if (source.kind !== 'file') return ClientCitationIconName.MicrosoftSharePoint;
  return iconsByExtension[extensionOf(source.name)] ?? ClientCitationIconName.Text;
}

function kindLabel(source: SourceRef): string {
  if (source.kind === 'page') return 'SharePoint page';
  if (source.kind === 'list-item') return 'SharePoint list item';
  return source.read ? 'File read for this answer' : 'File found by the search';
}

const confidentialUsage: SensitivityUsageInfo = {
  type: 'https://schema.org/Message',
  '@type': 'CreativeWork',
  name: 'Confidential',
  description: 'This answer uses content from a confidential site.',
};
