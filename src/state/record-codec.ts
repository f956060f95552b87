// Shared by the backends: turning stored text back into a value, and what to do
// when that fails (skip the record and report it, never throw into a turn).
import { createHash } from 'node:crypto';
import type { StateProblemReporter, ValueParser } from './state-store.js';
import { createLogger } from '../logging/logger.js';

const log = createLogger('state');

/** Short, stable, non-reversible label for a key in reports and logs. */
export const keyHash = (key: string): string => createHash('sha256').update(key).digest('base64url').slice(0, 12);

export const logProblems: StateProblemReporter = (problem) => log.warn('state record skipped', { ...problem });

export type Decoded<T> = { ok: true; value: T } | { ok: false; detail: string };

export function decodeValue<T>(text: unknown, parse?: ValueParser<T>): Decoded<T> {
  if (typeof text !== 'string') return { ok: false, detail: 'value is missing or not text' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, detail: 'value is not valid JSON' };
  }
  if (!parse) return { ok: true, value: raw as T };
  try {
    return { ok: true, value: parse(raw) };
  } catch {
    return { ok: false, detail: 'value does not match the expected shape' };
  }
}

/** Runs a store call with a deadline; the timer never keeps the process alive. */
export async function withDeadline<T>(work: (signal: AbortSignal) => Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(onTimeout());
    }, ms);
    timer.unref();
  });
  try {
    return await Promise.race([work(controller.signal), expired]);
  } finally {
    clearTimeout(timer);
  }
}
