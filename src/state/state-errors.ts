// One error type for everything the state layer can fail with, so callers
// branch on a code instead of on each backend's own exceptions.

export type StateErrorCode =
  /** The record changed (or exists / is gone) since the caller read it: re-read and retry. */
  | 'conflict'
  /** The store did not answer within the deadline. */
  | 'timeout'
  /** The store refused or failed the call (network down, disk locked, 5xx). */
  | 'unavailable'
  /** The value is larger than the backend can hold in one record. */
  | 'too-large'
  /** The caller passed something the layer cannot store (bad namespace, non-JSON value). */
  | 'invalid';

export class StateError extends Error {
  constructor(
    readonly code: StateErrorCode,
    message: string,
    readonly backend?: string,
  ) {
    super(message);
    this.name = 'StateError';
  }
}

export const isStateConflict = (err: unknown): boolean => err instanceof StateError && err.code === 'conflict';
