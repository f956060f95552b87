// Runs the emulator as a process for local development:
//   npm run emulator:openai   → http://127.0.0.1:PORT/v1 answered by the offline demo model
// then start the agent with MODEL_PROVIDER=openai-compatible OPENAI_BASE_URL=<printed url> OPENAI_MODEL=offline
// to exercise the real OpenAI SDK path (HTTP, tool calls, retries) without an LLM.
import { startOpenAiCompatibleEmulator } from './openai-compatible-emulator.js';
import { modelResponder } from './offline-model-responder.js';

const port = Number(process.env.OPENAI_EMULATOR_PORT ?? 0);
const emulator = await startOpenAiCompatibleEmulator({ port: Number.isInteger(port) && port >= 0 && port < 65536 ? port : 0, responder: modelResponder() });
process.stdout.write(`OpenAI-compatible emulator (offline demo model) listening: OPENAI_BASE_URL=${emulator.openAiBaseUrl}\n`);
const stop = () => void emulator.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
