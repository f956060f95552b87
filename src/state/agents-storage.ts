// The Agents SDK's Storage contract (read / write / delete, eTag '*' or absent
// = unconditional) over one namespace of the state store, so AgentApplication
// conversation and user state can live in the shared store too.
import type { Storage, StoreItems } from '@microsoft/agents-hosting';
import { StateError } from './state-errors.js';
import type { StateStore } from './state-store.js';

export class AgentsStorage implements Storage {
  constructor(
    private readonly store: StateStore,
    private readonly namespace = 'agents-sdk',
    private readonly ttlMs?: number,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys || keys.length === 0) throw new StateError('invalid', 'read needs at least one key');
    const items: StoreItems = {};
    const records = await Promise.all(keys.map((key) => this.store.get<Record<string, unknown>>(this.namespace, key)));
    records.forEach((record, i) => {
      if (record && typeof record.value === 'object' && record.value !== null) items[keys[i]!] = { ...record.value, eTag: record.etag };
    });
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes || Object.keys(changes).length === 0) throw new StateError('invalid', 'write needs at least one item');
    await Promise.all(
      Object.entries(changes).map(([key, item]) => {
        const { eTag, ...value } = (item ?? {}) as Record<string, unknown>;
        const conditional = typeof eTag === 'string' && eTag !== '*' ? { ifMatch: eTag } : {};
        return this.store.put(this.namespace, key, value, { ...conditional, ttlMs: this.ttlMs });
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.store.delete(this.namespace, key)));
  }
}
