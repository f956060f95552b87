// Root hooks: keep test output readable. Log lines still pass through the
// scrubber; tests that inspect logs install their own sink with setLogSink().
import { setLogLevel } from '../../src/logging/logger.js';

export const mochaHooks = {
  beforeAll() {
    setLogLevel(process.env.TEST_LOG_LEVEL === 'debug' ? 'debug' : 'error');
  },
};
