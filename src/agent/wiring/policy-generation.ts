// "reload policy" reaches one instance; the others learn of it through a
// generation counter in the shared state store, bumped by compare-and-swap on
// every reload and read once per turn. The policy files ship with the code, so
// each instance reloads its own copy when the generation moves. The last reload
// (who, when, the versions before and after) is kept beside the counter for the
// Admin `status` command.
import { z } from 'zod';
import type { StateStore } from '../../state/state-store.js';
import { updateRecord } from '../../state/update-record.js';

const namespace = 'policy';
const key = 'generation';
const lastReloadKey = 'last-reload';
const parse = (value: unknown): number => {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new Error('not a generation');
  return value;
};

const versions = z.object({ guardPolicy: z.string().max(100).optional(), toolPolicy: z.string().max(100).optional(), detectorWeights: z.string().max(100).optional() });
const policyReload = z.object({
  at: z.string().max(40),
  by: z.object({ userId: z.string().max(200), aadObjectId: z.string().max(64).optional(), name: z.string().max(100).optional() }),
  /** The generation this reload moved to. */
  generation: z.number().int().min(1),
  previous: versions,
  next: versions,
});
export type PolicyReload = z.infer<typeof policyReload>;
export type PolicyVersions = z.infer<typeof versions>;

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

  /** Keeps a reload as the last one, unless a later generation is already recorded (two Admins at once). */
  async recordReload(reload: PolicyReload): Promise<void> {
    await updateRecord<PolicyReload, void>(this.store, namespace, lastReloadKey, (stored) => ({ value: stored && stored.generation > reload.generation ? undefined : reload, result: undefined }), {
      parse: (v) => policyReload.parse(v),
    });
  }

  async lastReload(): Promise<PolicyReload | undefined> {
    return (await this.store.get(namespace, lastReloadKey, (v) => policyReload.parse(v)))?.value;
  }
}
