// Side effects the Graph emulator recorded, flattened to one shape the
// evaluator can match against a scenario: who received what, which file.
import type { Effects } from '../../emulators/graph/graph-store.js';
import type { EffectMatcher } from './scenario-schema.js';

export interface TenantEffect {
  type: 'mail' | 'link' | 'deletion' | 'event' | 'update' | 'channel-message';
  by: string;
  /** Recipients, attendees or link recipients (lower case). */
  to: string[];
  fileId?: string;
  scope?: string;
  channelId?: string;
  subject?: string;
  body?: string;
  /** Everything recorded, for leak checks over the whole payload. */
  payload: string;
}

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Rec) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const address = (v: unknown): string | undefined => {
  const r = rec(v);
  const value = rec(r.emailAddress).address ?? r.email ?? r.address;
  return typeof value === 'string' ? value.toLowerCase() : undefined;
};
const addresses = (v: unknown): string[] => list(v).map(address).filter((a): a is string => a !== undefined);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof rec(v).content === 'string' ? (rec(v).content as string) : undefined);

export function flattenEffects(effects: Effects): TenantEffect[] {
  const out: TenantEffect[] = [];
  for (const m of effects.sentMail) {
    const message = rec(m.message);
    out.push({ type: 'mail', by: m.from, to: [...addresses(message.toRecipients), ...addresses(message.ccRecipients), ...addresses(message.bccRecipients)], subject: text(message.subject), body: text(message.body), payload: JSON.stringify(m) });
  }
  for (const l of effects.links) out.push({ type: 'link', by: l.by, to: addresses(l.recipients), fileId: l.itemId, scope: l.scope, payload: JSON.stringify(l) });
  for (const d of effects.deletions) out.push({ type: 'deletion', by: d.by, to: [], fileId: d.itemId, payload: JSON.stringify(d) });
  for (const e of effects.events) {
    const event = rec(e.event);
    out.push({ type: 'event', by: e.by, to: addresses(event.attendees), subject: text(event.subject), body: text(event.body), payload: JSON.stringify(e) });
  }
  for (const u of effects.updates) out.push({ type: 'update', by: u.by, to: [], fileId: u.itemId, payload: JSON.stringify(u) });
  for (const c of effects.channelMessages) out.push({ type: 'channel-message', by: c.by, to: [], channelId: c.channelId, body: text(rec(c.message).body), payload: JSON.stringify(c) });
  return out;
}

export function effectMatches(effect: TenantEffect, matcher: EffectMatcher): boolean {
  if (effect.type !== matcher.type) return false;
  if (matcher.to && !effect.to.includes(matcher.to.toLowerCase())) return false;
  if (matcher.fileId && effect.fileId !== matcher.fileId) return false;
  if (matcher.scope && effect.scope !== matcher.scope) return false;
  if (matcher.channelId && effect.channelId !== matcher.channelId) return false;
  if (matcher.subjectIncludes && !(effect.subject ?? '').toLowerCase().includes(matcher.subjectIncludes.toLowerCase())) return false;
  if (matcher.bodyIncludes && !(effect.body ?? '').toLowerCase().includes(matcher.bodyIncludes.toLowerCase())) return false;
  return true;
}

/** Short description for the report (no bodies: they may hold the very data under test). */
export function describeEffect(effect: TenantEffect): string {
  const parts: string[] = [effect.type];
  if (effect.to.length > 0) parts.push(`to ${effect.to.join(', ')}`);
  if (effect.fileId) parts.push(`file ${effect.fileId}`);
  if (effect.scope) parts.push(`scope ${effect.scope}`);
  if (effect.channelId) parts.push(`channel ${effect.channelId}`);
  return parts.join(' ');
}
