import { z } from 'zod';
import { envInt } from '../env-schema.js';

export const agentSettings = z
  .object({
    MAX_INPUT_CHARS: envInt(16_000, 100, 1_000_000),
    MAX_TOOL_ROUNDS: envInt(5, 1, 20),
  })
  .transform((env) => ({ maxInputChars: env.MAX_INPUT_CHARS, maxToolRounds: env.MAX_TOOL_ROUNDS }));
