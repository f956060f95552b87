// Adaptive Cards (schema 1.5) for approvals and confirmations, expanded from the
// JSON templates in ./cards with adaptivecards-templating. A card shows what the
// stored record says, with sensitive values masked; it carries only the id and
// the arguments' hash back, and the server never trusts either for more than a look-up.
import { readFileSync } from 'node:fs';
import * as ACData from 'adaptivecards-templating';
import { findSensitiveData } from '../guard/dlp/find-sensitive-data.js';
import { normalizeText, toRawSpan } from '../guard/normalize/normalize-text.js';
import { guardDlpDetector } from '../tools/sensitive-content.js';
import type { ToolDefinition } from '../tools/tool.js';
import type { ApprovalRecord, ApprovalState } from './approval-record.js';

export type CardJson = Record<string, unknown>;

const template = (name: string) => new ACData.Template(JSON.parse(readFileSync(new URL(`./cards/${name}.json`, import.meta.url), 'utf8')));
const approvalTemplate = template('approval-card');
const errorTemplate = template('error-card');

const maxValueChars = 300;
const toolTitles: Record<string, string> = {
  send_mail: 'Send an e-mail',
  create_event: 'Send a meeting invitation',
  create_sharing_link: 'Create a sharing link',
  delete_file: 'Delete a file',
};

const stateTexts: Record<ApprovalState, string> = {
  pending: 'Waiting for a decision',
  approved: 'Approved, running',
  confirmed: 'Confirmed, running',
  executing: 'Running',
  executed: 'Done',
  failed: 'Failed',
  rejected: 'Rejected',
  expired: 'Expired',
  cancelled: 'Cancelled',
};

/** Who is looking at the card decides which buttons it has. */
export type CardViewer = 'approver' | 'requester' | 'other';

export function approvalCard(record: ApprovalRecord, viewer: CardViewer, opts: { tool?: ToolDefinition; refreshUserIds?: string[]; notice?: string } = {}): CardJson {
  const pending = record.state === 'pending';
  const confirmation = record.kind === 'confirmation';
  const title = confirmation
    ? pending ? 'Please confirm before I do this' : `Your request: ${stateTexts[record.state].toLowerCase()}`
    : pending ? 'Approval needed' : `Approval request: ${stateTexts[record.state].toLowerCase()}`;
  const card = approvalTemplate.expand({
    $root: {
      title,
      approvalId: record.id,
      argsSha256: record.argsSha256,
      requesterName: plain(record.requester.name ?? 'A colleague'),
      toolTitle: toolTitles[record.tool] ?? record.tool,
      risk: record.risk,
      stateText: stateTexts[record.state] + (record.decidedBy?.name && !confirmation && record.state !== 'expired' ? ` (by ${plain(record.decidedBy.name)})` : ''),
      expires: localTime(record.expiresAt),
      summary: summarise(record, opts.tool),
      reason: confirmation ? '' : plain(record.reason) + (record.approverName ? ` Approver: ${plain(record.approverName)} (manager).` : ''),
      outcome: [record.outcome ? plain(record.outcome) : '', record.comment ? `Comment: ${mask(record.comment)}` : ''].filter(Boolean).join(' '),
      notice: opts.notice ?? '',
      canDecide: pending && !confirmation && viewer === 'approver',
      canConfirm: pending && confirmation && viewer === 'requester',
      canCancel: pending && !confirmation && viewer === 'requester',
      refreshUserIds: pending && !confirmation ? (opts.refreshUserIds ?? []) : [],
    },
  }) as CardJson;
  if (card.refresh === null || card.refresh === undefined) delete card.refresh;
  return card;
}

export function errorCard(title: string, message: string): CardJson {
  return errorTemplate.expand({ $root: { title, message } }) as CardJson;
}

/** One readable line per argument: recipients as they are (they are what is decided), other text masked and shortened. */
function summarise(record: ApprovalRecord, tool?: ToolDefinition): Array<{ label: string; value: string }> {
  const recipients = new Set(tool?.delivers?.recipients ?? []);
  // What Graph named at request time (a file's name, folder, site) stands in for the ids the model passed.
  const target = Object.entries(record.target ?? {}).map(([key, value]) => ({ label: targetLabels[key] ?? labelOf(key), value: shorten(mask(value)) }));
  const args = Object.entries(record.args)
    .filter(([key]) => !(target.length > 0 && /Id$/.test(key)))
    .slice(0, 12)
    .map(([key, value]) => {
      const text = Array.isArray(value) ? value.map(String).join(', ') : typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
      const shown = recipients.has(key) ? plain(text) : mask(text);
      return { label: labelOf(key), value: shorten(shown) };
    });
  return [...target, ...args];
}

const targetLabels: Record<string, string> = { name: 'File', folder: 'Folder', location: 'Site or OneDrive' };
const shorten = (text: string) => (text.length > maxValueChars ? `${text.slice(0, maxValueChars)}…` : text);

const labelOf = (key: string) => key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());

/** PII and secrets replaced by their type, with the guard's detectors; a value hidden in an encoding is named, not shown. */
export function mask(text: string): string {
  const normalized = normalizeText(text);
  const direct = findSensitiveData(normalized, []);
  const spans = direct.map((f) => ({ ...toRawSpan(normalized, f.start, f.end), type: f.type })).sort((a, b) => b.start - a.start);
  let out = text;
  for (const s of spans) out = `${out.slice(0, s.start)}[${s.type}]${out.slice(s.end)}`;
  const hidden = guardDlpDetector(text).filter((h) => !direct.some((f) => f.type === h.type));
  if (hidden.length > 0) out = `[content hidden: encoded ${hidden.map((h) => h.type).join(', ')}]`;
  return plain(out);
}

/** Card text is markdown: a value must not become a link or formatting the requester did not see. */
function plain(text: string): string {
  return text.replace(/\]\s*\(/g, '] (').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

/**
 * Adaptive Card DATE / TIME functions: each client shows the instant in its viewer's own time zone
 * (requester and approver may be in different ones; a proactive card knows neither).
 */
function localTime(iso: string): string {
  const at = new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `{{DATE(${at}, SHORT)}} {{TIME(${at})}}`;
}
