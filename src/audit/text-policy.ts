// Prompt and response text in the audit trail follow one policy: `none` keeps
// no text, `redacted` (default) masks personal data and secrets with the same
// DLP detectors as the output guard and the log scrubber, `full` keeps it all.
import { scrubText } from '../logging/scrub.js';
import type { TextPolicy } from './turn-record.js';

export function textForAudit(policy: TextPolicy, text: string | undefined): string | undefined {
  if (text === undefined || policy === 'none') return undefined;
  return policy === 'full' ? text : scrubText(text);
}
