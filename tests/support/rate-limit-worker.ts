// One "agent instance" for the multi-process rate-limit test: builds the state
// store from the environment exactly as the agent would (STATE_* settings),
// waits for "go" on stdin, consumes CALLS tokens for KEY, prints the allowed count.
import { loadConfig } from '../../src/config.js';
import { createStateStore } from '../../src/state/create-state-store.js';
import { StoredTokenBucketLimiter } from '../../src/state/rate-limiter.js';

const config = loadConfig({ ...process.env, AUTH_MODE: 'dev-anonymous', HOST: '127.0.0.1' });
const store = createStateStore(config.state);
const limiter = new StoredTokenBucketLimiter(store, { namespace: 'rate-user', perMinute: Number(process.env.PER_MINUTE), burst: Number(process.env.BURST) });
process.stdout.write('ready\n');
process.stdin.once('data', async () => {
  let allowed = 0;
  let errors = 0;
  let left = Number(process.env.CALLS);
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (left-- > 0) {
        try {
          if ((await limiter.consume(process.env.KEY!)).allowed) allowed++;
        } catch {
          errors++;
        }
      }
    }),
  );
  await store.close();
  process.stdout.write(JSON.stringify({ allowed, errors }) + '\n');
  process.exit(0);
});
