// Example tool for docs/extending.md: post a message to a Teams channel.
// It is not shipped (src/ does not import it); tests/examples/ registers it
// through createAgentRuntime's `tools` option to prove the guide's steps suffice.
//
// Graph: POST /teams/{team-id}/channels/{channel-id}/messages, delegated
// ChannelMessage.Send (the least privileged scope), the user must be a member.
import { z } from 'zod/v4';
import { defineTool } from '../../src/tools/define-tool.js';
import type { ToolFactory } from '../../src/tools/registered-tools.js';

// Team ids are group GUIDs; channel ids look like 19:…@thread.tacv2. Bounded, so a hostile value costs nothing to check.
const TEAM_ID = /^[0-9a-fA-F-]{36}$/;
const CHANNEL_ID = /^19:[A-Za-z0-9_.@-]{1,200}$/;

interface ChatMessage {
  id?: string;
  webUrl?: string;
  body?: { content?: string };
}

export const postChannelMessageTool: ToolFactory = (services) => [
  defineTool({
    name: 'post_channel_message',
    description: 'Post a plain-text message to a channel of a team the signed-in user is a member of.',
    arguments: z.object({
      teamId: z.string().regex(TEAM_ID).describe('Team (group) id'),
      channelId: z.string().regex(CHANNEL_ID).describe('Channel id, e.g. 19:…@thread.tacv2'),
      text: z.string().min(1).max(4000).describe('The message'),
    }),
    scopes: ['ChannelMessage.Send'],
    // Everyone in the team reads the post: it changes shared data inside the tenant.
    risk: 'write',
    // The channel is what the call acts on; the text leaves with it. A channel named only by a document needs approval.
    roles: { teamId: 'target', channelId: 'target', text: 'content' },
    // results: not declared, so every result is untrusted (the post's text comes back from the service).
    run: async ({ teamId, channelId, text }, ctx) => {
      const graph = services.graph(ctx, ['ChannelMessage.Send']);
      const posted = await graph.post<ChatMessage>(`/teams/${encodeURIComponent(teamId)}/channels/${encodeURIComponent(channelId)}/messages`, { body: { contentType: 'text', content: text } });
      return { content: `Posted to the channel: ${posted.body?.content ?? ''}\nLink: ${posted.webUrl ?? 'none'}`, untrusted: true, data: { messageId: posted.id } };
    },
  }),
];
