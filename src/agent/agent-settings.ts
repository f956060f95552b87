import { z } from 'zod';
import { envInt } from '../env-schema.js';
import { agentModes } from './agent-mode.js';

export const agentSettings = z
  .object({
    MAX_INPUT_CHARS: envInt(16_000, 100, 1_000_000),
    MAX_TOOL_ROUNDS: envInt(5, 1, 20),
    /** The least strict mode this process runs in, whatever the shared kill switch says (an operator's lever). */
    AGENT_MODE: z.enum(agentModes, { message: "AGENT_MODE must be 'normal', 'read-only' (no write or send tools) or 'maintenance' (a polite reply to every message)" }).optional().default('normal'),
    /** How long an instance trusts its copy of the shared mode; capped so a switch reaches every instance within 30 s. */
    AGENT_MODE_CACHE_SEC: envInt(10, 0, 30),
  })
  .transform((env) => ({
    maxInputChars: env.MAX_INPUT_CHARS,
    maxToolRounds: env.MAX_TOOL_ROUNDS,
    mode: { floor: env.AGENT_MODE, cacheMs: env.AGENT_MODE_CACHE_SEC * 1000 },
  }));
