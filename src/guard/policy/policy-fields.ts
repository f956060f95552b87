// Field types shared by the guards' own config schemas (src/guard/checks/*).
// Kept apart from the composed policy schema so a check can import them
// without importing every other check.
import { z } from 'zod';

export const guardActionField = z.enum(['allow', 'mask', 'block', 'needs-review']);
export const blockingActionField = z.enum(['allow', 'block', 'needs-review']);
/** closed: a guard that errors blocks the turn; open: it is treated as allow (and recorded). */
export const failModeField = z.enum(['open', 'closed']);
export const providerField = z.enum(['local', 'azure']);
export const unitScoreField = z.number().min(0).max(1);
export const channelField = z.enum(['user', 'document', 'output']);

/** The user-facing messages; a guard's outcome names one by key (never says why it fired). */
export const messagesSchema = z
  .object({
    blocked: z.string().min(1).default("Sorry, I can't help with that request. Please rephrase it or contact your administrator if you think this is a mistake."),
    tooLong: z.string().min(1).default('Your message is too long for me to process. Please shorten it and try again.'),
    rateLimited: z.string().min(1).default("You're sending messages faster than I can handle. Please wait a moment and try again."),
    needsReview: z.string().min(1).default('Your request needs a review before I can continue. An administrator has been notified.'),
    outputBlocked: z.string().min(1).default("Sorry, I can't share that response. Please try asking in a different way."),
    documentBlocked: z.string().min(1).default('Some content could not be used because it did not pass a safety check.'),
    unavailable: z.string().min(1).default('A safety check is temporarily unavailable. Please try again shortly.'),
  })
  .strict()
  .default({});
