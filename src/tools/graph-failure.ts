// One translation of Graph and identity failures into a reply the model can relay,
// for the read and the write tools alike: the same text shape and the same audit
// codes (`graph_<failure>`, `consent_required`, `obo_failed`) whichever tool failed.
import { GraphRequestError } from '../graph/graph-errors.js';
import { ConsentRequiredError, OboExchangeError } from '../identity/identity-errors.js';
import type { ToolResult } from './tool.js';

/** The reply for a failure a user can act on, or undefined for anything that must propagate (sign-in required, bugs). */
export function graphFailureResult(prefix: string, err: unknown): ToolResult | undefined {
  if (err instanceof ConsentRequiredError) {
    return { content: `${prefix}: ${err.message} An administrator can grant it for the organisation, or you can sign in again to be asked for consent.`, untrusted: false, data: { error: 'consent_required', scopes: err.scopes } };
  }
  if (err instanceof OboExchangeError) {
    return { content: `${prefix}: ${err.message} Please try again later; if it keeps failing, give your administrator this reference: ${err.correlationId ?? 'n/a'}.`, untrusted: false, data: { error: 'obo_failed', code: err.code, correlationId: err.correlationId } };
  }
  if (err instanceof GraphRequestError) {
    return { content: `${prefix}: ${err.message}`, untrusted: false, data: { error: `graph_${err.failure}`, status: err.status, graphCode: err.graphCode } };
  }
  return undefined;
}
