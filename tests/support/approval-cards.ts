// Helpers for approval tests: the cards in a reply, their actions, signing a user in through the Teams token exchange.
import assert from 'node:assert/strict';
import type { PostResult } from './agent-under-test.js';
import { oidOf, type SentActivity, type SignInStack, type TeamsSender } from './sign-in-stack.js';

export const approversChannel = '19:approvers@thread.tacv2';

/** The Adaptive Cards of a reply that came back in the HTTP response. */
export function cardsOf(reply: PostResult): any[] {
  return (reply.body?.activities ?? []).flatMap((a: SentActivity) => a.attachments ?? []).filter((a: { contentType: string }) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a: { content: unknown }) => a.content);
}

/** Every Action.Execute of a card, with its verb and data. */
export function actionsOf(card: any): Array<{ verb: string; data: Record<string, unknown> }> {
  const out: Array<{ verb: string; data: Record<string, unknown> }> = [];
  const walk = (node: any) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      if (node.type === 'Action.Execute' && node.verb !== 'refresh') out.push({ verb: node.verb, data: node.data });
      Object.values(node).forEach(walk);
    }
  };
  walk(card.body);
  return out;
}

export const cardText = (card: any) => JSON.stringify(card);

export async function signIn(stack: SignInStack, upn: string, opts: { amr?: string[]; acrs?: string[]; groups?: string[]; fromId?: string; tenantId?: string } = {}): Promise<TeamsSender> {
  const token = await stack.ids.entra.mintUserSsoToken(upn, { ...(opts.amr ? { amr: opts.amr } : {}), ...(opts.acrs ? { acrs: opts.acrs } : {}), ...(opts.groups ? { groups: opts.groups } : {}) });
  const sender: TeamsSender = { fromId: opts.fromId ?? `29:${upn.split('@')[0]}`, aadObjectId: oidOf(token) };
  const exchanged = await stack.exchange(sender, token, `ex-${sender.fromId}-${Math.random()}`);
  assert.equal(exchanged.status, 200, `sign-in of ${upn}`);
  return sender;
}

export function approvalEnv(connectorUrl: string): Record<string, string> {
  return { APPROVAL_CHANNEL_SERVICE_URL: connectorUrl, APPROVAL_CHANNEL_CONVERSATION_ID: approversChannel, APPROVAL_SWEEP_INTERVAL_SEC: '0' };
}

