// Errors of user-scoped Graph calls, with messages a user can act on. Raw
// Graph error bodies and tokens never end up in them.

export type GraphFailure = 'unauthenticated' | 'access-denied' | 'not-found' | 'throttled' | 'unavailable' | 'timeout' | 'bad-request' | 'conflict' | 'locked' | 'too-large';

export class GraphRequestError extends Error {
  override readonly name = 'GraphRequestError';
  constructor(
    readonly failure: GraphFailure,
    readonly status: number,
    /** Graph's error code (e.g. accessDenied), for logs and audit. */
    readonly graphCode?: string,
  ) {
    super(friendly(failure));
  }
}

function friendly(failure: GraphFailure): string {
  switch (failure) {
    case 'unauthenticated':
      return 'Microsoft 365 did not accept the sign-in for this request. Please sign in again.';
    case 'access-denied':
      return 'You do not have access to that item in Microsoft 365.';
    case 'not-found':
      return 'That item was not found in Microsoft 365 (it may have been moved or deleted, or you may not have access).';
    case 'throttled':
      return 'Microsoft 365 is busy right now (throttled). Please try again in a minute.';
    case 'unavailable':
      return 'Microsoft 365 could not be reached. Please try again later.';
    case 'timeout':
      return 'Microsoft 365 did not answer in time. Please try again later.';
    case 'conflict':
      return 'That conflicts with the current state of the item in Microsoft 365.';
    case 'locked':
      return 'That item is locked in Microsoft 365 (someone may be editing it).';
    case 'too-large':
      return 'That file is too large to read here.';
    default:
      return 'Microsoft 365 rejected the request.';
  }
}
