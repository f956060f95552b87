// The kill switch: the mode every instance runs in, kept in the shared state
// store so an Admin's switch on one instance reaches all of them. Each instance
// keeps its copy for a short time (AGENT_MODE_CACHE_SEC), so the store is read
// at most once per interval, not on every activity.
import { z } from 'zod';
import type { StateStore } from '../state/state-store.js';
import { StateError } from '../state/state-errors.js';
import { updateRecord } from '../state/update-record.js';
import { createLogger } from '../logging/logger.js';

/** normal: everything; read-only: no tool that writes, sends or deletes; maintenance: a polite reply to every message. */
export const agentModes = ['normal', 'read-only', 'maintenance'] as const;
export type AgentMode = (typeof agentModes)[number];

const log = createLogger('agent.mode');
const namespace = 'agent-mode';
const key = 'mode';

const strictness: Record<AgentMode, number> = { normal: 0, 'read-only': 1, maintenance: 2 };

/** The stricter of two modes. */
const stricterMode = (a: AgentMode, b: AgentMode): AgentMode => (strictness[a] >= strictness[b] ? a : b);

const modeChange = z.object({
  mode: z.enum(agentModes),
  previous: z.enum(agentModes),
  at: z.string().max(40),
  by: z.object({ userId: z.string().max(200), aadObjectId: z.string().max(64).optional(), name: z.string().max(100).optional() }),
  reason: z.string().max(300).optional(),
});
export type ModeChange = z.infer<typeof modeChange>;

export interface ModeState {
  /** What this instance enforces: the stricter of the shared mode and its AGENT_MODE setting. */
  mode: AgentMode;
  /** The shared mode (normal when nobody switched it). */
  shared: AgentMode;
  /** This instance's AGENT_MODE setting. */
  floor: AgentMode;
  /** The last switch, when there was one. */
  change?: ModeChange;
  /** False when the shared store could not be read: the last known shared mode is used. */
  fresh: boolean;
}

export interface AgentModeOptions {
  floor: AgentMode;
  cacheMs: number;
  now?: () => number;
}

export class AgentModeSwitch {
  private readonly now: () => number;
  private known: { shared: AgentMode; change?: ModeChange; fresh: boolean } = { shared: 'normal', fresh: false };
  private validUntil = 0;
  private reading: Promise<void> | undefined;

  constructor(
    private readonly store: StateStore,
    private readonly options: AgentModeOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  get cacheMs(): number {
    return this.options.cacheMs;
  }

  /** The mode to run this activity in: the cached copy, re-read from the store once it is older than the cache time. */
  async state(): Promise<ModeState> {
    if (this.now() >= this.validUntil) await (this.reading ??= this.refresh().finally(() => (this.reading = undefined)));
    return this.snapshot();
  }

  /** The last known mode without waiting (for synchronous checks inside a turn that already called state()). */
  current(): AgentMode {
    return stricterMode(this.known.shared, this.options.floor);
  }

  /** Switches the shared mode; every instance applies it within the cache time. Throws StateError when the store fails. */
  async set(mode: AgentMode, by: ModeChange['by'], reason?: string): Promise<{ previous: AgentMode; state: ModeState }> {
    const at = new Date(this.now()).toISOString();
    const written = await updateRecord<ModeChange, ModeChange>(
      this.store,
      namespace,
      key,
      (stored) => {
        const next: ModeChange = { mode, previous: stored?.mode ?? 'normal', at, by, ...(reason ? { reason } : {}) };
        return { value: next, result: next };
      },
      { parse: (v) => modeChange.parse(v) },
    );
    this.known = { shared: written.mode, change: written, fresh: true };
    this.validUntil = this.now() + this.options.cacheMs;
    return { previous: written.previous, state: this.snapshot() };
  }

  private snapshot(): ModeState {
    const { shared, change, fresh } = this.known;
    return { mode: stricterMode(shared, this.options.floor), shared, floor: this.options.floor, ...(change ? { change } : {}), fresh };
  }

  private async refresh(): Promise<void> {
    try {
      // A record that fails the schema reads as absent: the shared mode is then normal (the floor still holds).
      const record = await this.store.get(namespace, key, (v) => modeChange.parse(v));
      const next = record ? { shared: record.value.mode, change: record.value, fresh: true } : { shared: 'normal' as const, fresh: true };
      if (next.shared !== this.known.shared) log.info('agent mode changed', { mode: next.shared, previous: this.known.shared });
      this.known = next;
    } catch (err) {
      // Keep the last known mode: a store outage neither lifts a switch nor takes the agent down.
      this.known = { ...this.known, fresh: false };
      const cause = err instanceof StateError ? { code: err.code, backend: err.backend } : { error: err instanceof Error ? err.name : 'error' };
      log.warn('could not read the agent mode; keeping the last known one', { ...cause, mode: this.known.shared });
    }
    this.validUntil = this.now() + this.options.cacheMs;
  }
}
