// "reset" / "forget": deletes this conversation's history for the user who asks
// (every instance reads it from the shared store, so it is gone everywhere).
import type { ConversationHistory } from '../state/conversation-history.js';
import { StateError } from '../state/state-errors.js';
import { actorFromActivity } from './activity-actor.js';
import type { AgentCommand } from './agent-app.js';
import { conversationKeyOf } from './turn-history.js';

export function forgetCommand(history: Pick<ConversationHistory, 'clear'>): AgentCommand {
  return {
    names: ['reset', 'forget', 'forget this conversation', 'start over'],
    description: 'Forget this conversation: I no longer see your earlier messages or what I read for them',
    async run(context) {
      const key = conversationKeyOf(actorFromActivity(context.activity), context.activity.conversation?.id ?? 'unknown');
      try {
        const forgotten = await history.clear(key);
        await context.sendActivity(forgotten ? 'Done: I have forgotten this conversation. Your next message starts fresh.' : 'There was nothing to forget: this conversation has no saved history.');
      } catch (err) {
        if (!(err instanceof StateError)) throw err;
        await context.sendActivity('I could not reach my conversation store, so nothing was forgotten. Please try again in a moment.');
      }
    },
  };
}
