// "reload policy" reaches one instance; the others learn of it through a
// generation counter in the shared state store, bumped by compare-and-swap on
// every reload and read once per turn. The policy files ship with the code, so
// each instance reloads its own copy when the generation moves.
import type { StateStore } from '../../state/state-store.js';
import { updateRecord } from '../../state/update-record.js';

const namespace = 'policy';
const key = 'generation';
const parse = (value: unknown): number => {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new Error('not a generation');
  return value;
};

export class PolicyGeneration {
  constructor(private readonly store: StateStore) {}

  /** The current generation (0 before the first reload anywhere). */
  async current(): Promise<number> {
    return (await this.store.get(namespace, key, parse))?.value ?? 0;
  }

  /** Moves the generation on by one and returns it. */
  async bump(): Promise<number> {
    return updateRecord<number, number>(this.store, namespace, key, (n) => ({ value: (n ?? 0) + 1, result: (n ?? 0) + 1 }), { parse });
  }
}
