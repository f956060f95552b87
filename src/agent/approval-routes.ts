// Approval cards in Teams: the Universal Actions invoke (adaptiveCard/action)
// for approve / reject / cancel / confirm / refresh, the cards a held turn
// sends, and the proactive messages that carry each outcome to the requester
// and to the approvers' channel. Decisions themselves are ApprovalService's.
import type { Activity, ConversationReference } from '@microsoft/agents-activity';
import { CardFactory, MessageFactory, type AgentApplication, type CloudAdapter, type TurnContext, type TurnState } from '@microsoft/agents-hosting';
import type { Attachment } from '@microsoft/agents-activity';
import { approvalCard, errorCard, type CardJson, type CardViewer } from '../approvals/approval-cards.js';
import { samePerson, type ApprovalActor, type ApprovalRecord, type ConversationAddress } from '../approvals/approval-record.js';
import type { ApprovalSettings } from '../approvals/approval-settings.js';
import { isApprover, type ApprovalService, type SignInFacts, type Verb } from '../approvals/approval-service.js';
import { createLogger } from '../logging/logger.js';
import type { ToolDefinition } from '../tools/tool.js';
import { actorFromActivity } from './activity-actor.js';
import type { HeldAction } from './turn-pipeline.js';

const log = createLogger('approvals.routes');

type CardAction = { verb?: unknown; data?: Record<string, unknown> };
const verbs: Verb[] = ['approve', 'reject', 'cancel', 'confirm'];
/** The Bot Connector's token audience for conversations the agent starts. */
const botFrameworkAudience = 'https://api.botframework.com';

export interface ApprovalRoutesDeps {
  service: ApprovalService;
  adapter: CloudAdapter;
  /** The bot's app id (the identity proactive messages are sent as). */
  botAppId: string;
  settings: Pick<ApprovalSettings, 'approverRole' | 'approversGroupId' | 'channel' | 'approverUserIds' | 'cardInConversation'>;
  tools: { get(name: string): ToolDefinition | undefined };
  signInOf(actor: ApprovalActor): SignInFacts | undefined;
  /** Local development: maps a playground user who only clicks (never wrote) to their seeded user. No-op otherwise. */
  warmUp?(actor: ApprovalActor): Promise<void>;
  /** The sign-in card with a step-up request (an approver whose sign-in lacks MFA). */
  stepUpCard(): Attachment;
}

export interface ApprovalRoutes {
  register(app: AgentApplication<TurnState>): void;
  /** After a turn held tool calls: the requester's cards here, the approvers' card in their channel. */
  announce(context: TurnContext, held: HeldAction[]): Promise<void>;
  /** Every state change: the requester is told in their conversation; every copy of the cards is updated. */
  onChange(record: ApprovalRecord): Promise<void>;
}

export function createApprovalRoutes(deps: ApprovalRoutesDeps): ApprovalRoutes {
  const actorOf = (activity: Activity): ApprovalActor => {
    const actor = actorFromActivity(activity);
    // The validated token's name first: the activity's from.name is whatever the channel sent.
    const name = deps.signInOf(actor)?.name ?? (typeof activity.from?.name === 'string' ? activity.from.name.slice(0, 100) : undefined);
    return { userId: actor.userId, aadObjectId: actor.aadObjectId, tenantId: actor.tenantId, ...(name ? { name } : {}) };
  };
  const viewerOf = (record: ApprovalRecord, actor: ApprovalActor): CardViewer => {
    if (samePerson(actor, record.requester)) return 'requester';
    const sameTenant = (actor.tenantId ?? '').toLowerCase() === record.tenantId.toLowerCase();
    const signIn = deps.signInOf(actor);
    const allowed = record.approverOids ? record.approverOids.includes(actor.aadObjectId ?? '') : signIn !== undefined && isApprover(signIn, deps.settings);
    return sameTenant && signIn && allowed ? 'approver' : 'other';
  };
  const cardFor = (record: ApprovalRecord, viewer: CardViewer, notice?: string) =>
    approvalCard(record, viewer, { tool: deps.tools.get(record.tool), refreshUserIds: deps.settings.approverUserIds, notice });
  /** The approvers' copy: buttons for everyone when no approver ids are known to refresh it for, else the status view. */
  const approversCard = (record: ApprovalRecord) => cardFor(record, deps.settings.approverUserIds.length > 0 ? 'other' : 'approver');

  const proactive = async (address: ConversationAddress, logic: (context: TurnContext) => Promise<void>) => {
    const reference = {
      serviceUrl: address.serviceUrl,
      channelId: address.channelId,
      conversation: { id: address.conversationId, ...(address.tenantId ? { tenantId: address.tenantId } : {}) },
      agent: { id: address.botId ?? deps.botAppId },
    } as unknown as ConversationReference;
    await deps.adapter.continueConversation(deps.botAppId, reference, logic);
  };
  const update = async (address: ConversationAddress | undefined, card: CardJson) => {
    if (!address?.activityId) return;
    await proactive(address, async (context) => {
      const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
      activity.id = address.activityId;
      await context.updateActivity(activity);
    });
  };

  /** A new 1:1 chat with the manager, addressed by Entra object id (Teams: the app must be installed for them). */
  const postToManager = async (record: ApprovalRecord, requester: ConversationAddress): Promise<ConversationAddress | undefined> => {
    const tenantId = record.tenantId;
    let address: ConversationAddress | undefined;
    const parameters = {
      isGroup: false,
      // `bot` is the Bot Connector's field; the SDK reads `agent` for the new turn's recipient.
      bot: { id: requester.botId ?? deps.botAppId },
      agent: { id: requester.botId ?? deps.botAppId },
      members: [{ id: record.approverOids![0]! }],
      tenantId,
      channelData: { tenant: { id: tenantId } },
    } as unknown as Parameters<CloudAdapter['createConversationAsync']>[4];
    await deps.adapter.createConversationAsync(deps.botAppId, requester.channelId, requester.serviceUrl, botFrameworkAudience, parameters, async (context) => {
      const posted = await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(cardFor(record, 'approver'))));
      address = { serviceUrl: requester.serviceUrl, channelId: requester.channelId, conversationId: context.activity.conversation?.id ?? '', tenantId, ...(posted?.id ? { activityId: posted.id } : {}) };
    });
    return address;
  };

  const handle = async (context: TurnContext, action: CardAction | undefined): Promise<CardJson> => {
    const verb = typeof action?.verb === 'string' ? action.verb : '';
    const data = action?.data && typeof action.data === 'object' ? action.data : {};
    await deps.warmUp?.(actorFromActivity(context.activity)).catch((err) => log.warn('dev sign-in unavailable', { error: err instanceof Error ? err.name : 'error' }));
    const actor = actorOf(context.activity);
    if (verb === 'refresh') {
      const id = typeof data.approvalId === 'string' ? data.approvalId.toLowerCase() : '';
      const record = /^[0-9a-f-]{36}$/.test(id) ? await deps.service.store.get(id) : undefined;
      if (!record || (actor.tenantId ?? '').toLowerCase() !== record.tenantId.toLowerCase()) return errorCard('Request not found', 'This request does not exist (or no longer exists).');
      return cardFor(record, viewerOf(record, actor));
    }
    const result = await deps.service.decide({ id: data.approvalId, verb: verb as Verb, actor, comment: typeof data.comment === 'string' ? data.comment : undefined, cardHash: data.argsSha256 });
    if (result.ok) return cardFor(result.record, viewerOf(result.record, actor));
    if (result.code === 'step-up') {
      await context.sendActivity(MessageFactory.attachment(deps.stepUpCard()));
    }
    // A decided request shows its state; anything else gets an error card that changes nothing.
    if (result.code === 'already-decided' && result.record) return cardFor(result.record, viewerOf(result.record, actor), result.message);
    return errorCard('Nothing was done', result.message);
  };

  return {
    register(app) {
      app.adaptiveCards.actionExecute<CardAction>([...verbs, 'refresh'], async (context, _state, action) => {
        try {
          return (await handle(context, action)) as never;
        } catch (err) {
          // A store or channel outage: the card says so, nothing is taken as decided, the click can be repeated.
          const correlationId = crypto.randomUUID();
          log.error('card action failed', { correlationId, error: err });
          return errorCard('Please try again', `Your click could not be processed right now. Reference: ${correlationId}`) as never;
        }
      });
    },

    async announce(context, held) {
      const activity = context.activity;
      const actor = actorOf(activity);
      for (const item of held) {
        const address: ConversationAddress = {
          serviceUrl: activity.serviceUrl ?? '',
          channelId: activity.channelId ?? 'msteams',
          conversationId: activity.conversation?.id ?? '',
          ...(actor.tenantId ? { tenantId: actor.tenantId } : {}),
          ...(activity.recipient?.id ? { botId: activity.recipient.id } : {}),
        };
        const before = await deps.service.store.annotate(item.approvalId, (r) => {
          if (actor.name) r.requester.name = actor.name;
        });
        if (!before) continue;
        const noChannel = item.kind === 'approval' && !deps.settings.channel && !deps.settings.cardInConversation;
        const sent = await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(cardFor(before, 'requester', noChannel ? 'No approvers are configured for this agent, so nobody can approve this yet. Ask your administrator.' : undefined))));
        if (item.kind === 'approval' && deps.settings.cardInConversation) {
          await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(approversCard(before))));
        }
        let approverAddress: ConversationAddress | undefined;
        if (item.kind === 'approval' && before.approverOids?.[0]) {
          approverAddress = await postToManager(before, address).catch((err) => {
            log.warn('could not send the approval card to the manager', { approvalId: before.id, error: err instanceof Error ? err.message : 'error' });
            return undefined;
          });
        } else if (item.kind === 'approval' && deps.settings.channel) {
          const channel = deps.settings.channel;
          approverAddress = { serviceUrl: channel.serviceUrl, channelId: 'msteams', conversationId: channel.conversationId, tenantId: channel.tenantId ?? before.tenantId };
          try {
            await proactive(approverAddress, async (ctx) => {
              const posted = await ctx.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(approversCard(before))));
              if (approverAddress && posted?.id) approverAddress.activityId = posted.id;
            });
          } catch (err) {
            log.warn('could not post the approval card to the approvers channel', { approvalId: before.id, error: err instanceof Error ? err.message : 'error' });
          }
        }
        await deps.service.store.annotate(item.approvalId, (r) => {
          r.requesterConversation = { ...address, ...(sent?.id ? { activityId: sent.id } : {}) };
          if (approverAddress) r.approverConversation = approverAddress;
        });
      }
    },

    async onChange(record) {
      const requester = record.requesterConversation;
      await update(record.approverConversation, approversCard(record)).catch((err) => log.warn('could not update the approvers card', { approvalId: record.id, error: err instanceof Error ? err.message : 'error' }));
      if (!requester) return;
      await update(requester, cardFor(record, 'requester')).catch((err) => log.warn('could not update the requester card', { approvalId: record.id, error: err instanceof Error ? err.message : 'error' }));
      const text = outcomeText(record);
      if (text) await proactive(requester, async (context) => void (await context.sendActivity(MessageFactory.text(text))));
    },
  };
}

/** What the requester reads in their conversation when their request moves. */
function outcomeText(record: ApprovalRecord): string | undefined {
  const what = `your request (${record.tool.replace(/_/g, ' ')}, reference ${record.id})`;
  switch (record.state) {
    case 'approved':
      return `An approver approved ${what}. Running it now.`;
    case 'rejected':
      return `An approver rejected ${what}; nothing was done.${record.comment ? ' The approver left a comment on the card.' : ''}`;
    case 'expired':
      return `Nobody decided on ${what} in time; it expired and nothing was done.`;
    case 'executed':
      return `Done: ${what} was carried out. ${record.outcome ?? ''}`.trim();
    case 'failed':
      return `${what[0]!.toUpperCase()}${what.slice(1)} could not be completed. ${record.outcome ?? ''}`.trim();
    default:
      return undefined;
  }
}
