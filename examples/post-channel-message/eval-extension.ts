// The example tool under the agent evaluation (docs/extending.md, "Evaluate it"):
//   npm run --silent eval:agent -- --scenarios examples/post-channel-message/scenarios \
//     --extension examples/post-channel-message/eval-extension.ts --model obedient
import type { EvalExtension } from '../../scripts/eval-agent/eval-extension.js';
import { postChannelMessageTool } from './post-channel-message.js';

const extension: EvalExtension = {
  tools: [postChannelMessageTool],
  // The same entry the fork adds to policy/tool-policy.json.
  policy: { post_channel_message: { risk: 'write' } },
  consent: ['ChannelMessage.Send'],
};

export default extension;
