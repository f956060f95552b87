// Shared plumbing of the read tools: a Graph client bound to the tool's own
// scopes, the data-zone policy, a per-user memory of where items live, and
// the translation of identity/Graph failures into replies the model can relay.
import { createGraphClient, type GraphClient } from '../../graph/graph-client.js';
import type { DataZonePolicy, ZoneRef } from '../../graph/data-zones.js';
import { graphFailureResult } from '../graph-failure.js';
import type { DataZone, ToolContext, ToolResult } from '../tool.js';
import { createHash } from 'node:crypto';
import { createLogger } from '../../logging/logger.js';
import { StateError } from '../../state/state-errors.js';
import type { StateStore } from '../../state/state-store.js';
import { updateRecord } from '../../state/update-record.js';

const log = createLogger('tools.read');

export interface ReadToolDeps {
  /** e.g. https://graph.microsoft.com/v1.0 */
  graphBaseUrl: string;
  zones: DataZonePolicy;
  maxFileBytes: number;
  maxTextChars: number;
  timeoutMs?: number;
  maxRetries?: number;
  maxRetryAfterSec?: number;
  fetch?: typeof fetch;
  /** Where item → drive locations are kept (shared across instances); default: this process's memory. */
  state?: StateStore;
}

export function graphFor(deps: ReadToolDeps, ctx: ToolContext, scopes: string[]): GraphClient {
  return createGraphClient({
    baseUrl: deps.graphBaseUrl,
    getToken: () => ctx.getUserToken(scopes),
    timeoutMs: deps.timeoutMs,
    maxRetries: deps.maxRetries,
    maxRetryAfterSec: deps.maxRetryAfterSec,
    signal: ctx.signal,
    fetch: deps.fetch,
  });
}

/**
 * Remembers which drive an item id was seen in, per user, so read_file accepts a bare
 * item id. Kept in the shared state store (one record per user, 1 h TTL), because "read
 * that file" may reach another instance than the search did. Best effort: a store failure
 * is logged and read_file falls back to the user's own drive.
 */
export class ItemLocations {
  constructor(
    private readonly store: StateStore,
    private readonly maxItemsPerUser = 500,
    private readonly ttlMs = 60 * 60_000,
  ) {}

  async remember(userKey: string, items: ReadonlyArray<readonly [itemId: string, driveId: string]>): Promise<void> {
    if (items.length === 0) return;
    try {
      await updateRecord<Record<string, string>, void>(
        this.store,
        locationNamespace,
        userHash(userKey),
        (current) => {
          const next: Record<string, string> = { ...current };
          for (const [itemId, driveId] of items) {
            delete next[itemId]; // re-inserted last: the newest survive the bound
            next[itemId] = driveId;
          }
          const ids = Object.keys(next);
          for (const id of ids.slice(0, Math.max(0, ids.length - this.maxItemsPerUser))) delete next[id];
          return { value: next, result: undefined };
        },
        { parse: parseLocations, ttlMs: this.ttlMs },
      );
    } catch (err) {
      if (!(err instanceof StateError)) throw err;
      log.warn('item locations not remembered', { code: err.code, backend: err.backend });
    }
  }

  async driveOf(userKey: string, itemId: string): Promise<string | undefined> {
    try {
      const record = await this.store.get(locationNamespace, userHash(userKey), parseLocations);
      return record && Object.hasOwn(record.value, itemId) ? record.value[itemId] : undefined;
    } catch (err) {
      if (!(err instanceof StateError)) throw err;
      log.warn('item locations unavailable', { code: err.code, backend: err.backend });
      return undefined;
    }
  }
}

const locationNamespace = 'item-location';
const userHash = (userKey: string) => createHash('sha256').update(userKey).digest('base64url');
const parseLocations = (value: unknown): Record<string, string> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.values(value).every((v) => typeof v === 'string')) throw new Error('not item locations');
  return value as Record<string, string>;
};

export const userKeyOf = (ctx: ToolContext) => ctx.actor.aadObjectId ?? ctx.actor.userId;

export interface GraphParentReference {
  driveId?: string;
  driveType?: string;
  siteId?: string;
}

export function zoneOf(deps: ReadToolDeps, ref: GraphParentReference | undefined): DataZone {
  const r: ZoneRef = { driveId: ref?.driveId, driveType: ref?.driveType, siteId: ref?.siteId };
  return deps.zones.zoneOf(r);
}

/** Identity and Graph failures become a plain reply (trusted: it is our text); anything else propagates. Sign-in errors propagate so the pipeline sends a sign-in card. */
export async function withFriendlyFailures(tool: string, run: () => Promise<ToolResult>): Promise<ToolResult> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof ToolArgumentError) {
      return { content: `${tool}: ${err.message}`, untrusted: false, data: { error: 'invalid_arguments' } };
    }
    const reply = graphFailureResult(tool, err);
    if (reply) return reply;
    throw err;
  }
}

export function requireText(args: Record<string, unknown>, name: string, maxLength = 256): string {
  const value = args[name];
  if (typeof value !== 'string' || value.trim() === '') throw new ToolArgumentError(`${name} is required and must be text.`);
  if (value.length > maxLength) throw new ToolArgumentError(`${name} is longer than ${maxLength} characters.`);
  return value.trim();
}

export class ToolArgumentError extends Error {
  override readonly name = 'ToolArgumentError';
}

/** Graph search summaries mark hits with <c0> and elisions with <ddd/>. */
export function plainSummary(summary: unknown): string {
  if (typeof summary !== 'string') return '';
  return summary.replace(/<\/?c0>/g, '').replace(/<ddd\/>/g, '…').replace(/\s+/g, ' ').trim().slice(0, 300);
}
