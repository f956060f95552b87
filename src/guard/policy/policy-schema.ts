// The declarative guard policy: which guards run, thresholds, actions and fail
// modes. Validated once at start-up; every field has a default so a fork can
// override only what it cares about. Documented in docs/guard-policy.md.
import { z } from 'zod';
import { sensitiveTypes, type SensitiveType } from '../dlp/dlp-types.js';

const action = z.enum(['allow', 'mask', 'block', 'needs-review']);
const blockingAction = z.enum(['allow', 'block', 'needs-review']);
/** closed: a guard that errors blocks the turn; open: it is treated as allow (and recorded). */
const failMode = z.enum(['open', 'closed']);
const provider = z.enum(['local', 'azure']);
const unitScore = z.number().min(0).max(1);
/** Azure's four-level scale; a category is flagged when severity >= its threshold. "off" never flags. */
const severity = z.union([z.literal(2), z.literal(4), z.literal(6), z.literal('off')], { errorMap: () => ({ message: 'expected 2, 4, 6 or "off"' }) });

const dlpActions = z
  .record(z.string(), action)
  .superRefine((value, ctx) => {
    for (const key of Object.keys(value)) {
      if (!(sensitiveTypes as readonly string[]).includes(key)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [key], message: `unknown data type; use one of ${sensitiveTypes.join(', ')}` });
      }
    }
  })
  .transform((v) => v as Partial<Record<SensitiveType, z.infer<typeof action>>>);

export const guardPolicySchema = z
  .object({
    version: z.literal(1),
    limits: z
      .object({
        enabled: z.boolean().default(true),
        maxInputChars: z.number().int().min(1).max(10_000_000).default(16_000),
        maxDocumentChars: z.number().int().min(1).max(50_000_000).default(2_000_000),
        maxOutputChars: z.number().int().min(1).max(10_000_000).default(100_000),
        rateLimit: z.boolean().default(true),
      })
      .strict()
      .default({}),
    injection: z
      .object({
        enabled: z.boolean().default(true),
        providers: z.array(provider).min(1).default(['local']),
        /** Omit to use the detector's shipped default for that channel. */
        thresholds: z.object({ user: unitScore.optional(), document: unitScore.optional() }).strict().default({}),
        userAction: blockingAction.default('block'),
        documentAction: blockingAction.default('block'),
        failMode: failMode.default('closed'),
      })
      .strict()
      .default({}),
    harm: z
      .object({
        enabled: z.boolean().default(true),
        providers: z.array(provider).min(1).default(['local']),
        channels: z.array(z.enum(['user', 'document', 'output'])).default(['user', 'document', 'output']),
        severityThresholds: z
          .object({ hate: severity.default(4), sexual: severity.default(4), violence: severity.default(4), self_harm: severity.default(4) })
          .strict()
          .default({}),
        /** Local overall score threshold; omit to use the detector's shipped default. */
        scoreThreshold: unitScore.optional(),
        action: blockingAction.default('block'),
        failMode: failMode.default('closed'),
      })
      .strict()
      .default({}),
    dlp: z
      .object({
        enabled: z.boolean().default(true),
        input: dlpActions.default({}),
        document: dlpActions.default({}),
        output: dlpActions.default({}),
        failMode: failMode.default('closed'),
      })
      .strict()
      .default({}),
    promptLeak: z
      .object({
        enabled: z.boolean().default(true),
        /** Words per shingle when comparing output with the system prompt. */
        ngramWords: z.number().int().min(3).max(32).default(8),
        /** Share of the system prompt's shingles found in the output that counts as a leak. */
        overlapThreshold: unitScore.default(0.2),
        /** Distinct rule ids of the system prompt ("[ref:…]") in the output that count as a leak; 0 turns the check off. */
        refMin: z.number().int().min(0).max(64).default(1),
        /** Distinct disclosure concepts (any language) in the output that count as a leak; 0 turns the check off. */
        conceptMin: z.number().int().min(0).max(64).default(6),
        action: blockingAction.default('block'),
        failMode: failMode.default('closed'),
      })
      .strict()
      .default({}),
    links: z
      .object({
        enabled: z.boolean().default(true),
        /** Hosts (and their subdomains) that output may link to; GUARD_ALLOWED_LINK_HOSTS adds more. */
        allowedHosts: z.array(z.string().min(1)).default([]),
        /** A query value longer than this is treated as data being carried out. */
        maxQueryValueChars: z.number().int().min(1).max(4096).default(64),
        action: z.enum(['allow', 'mask', 'block', 'needs-review']).default('mask'),
        failMode: failMode.default('closed'),
      })
      .strict()
      .default({}),
    messages: z
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
      .default({}),
  })
  .strict();

export type GuardPolicy = z.output<typeof guardPolicySchema>;
export type DlpActions = GuardPolicy['dlp']['input'];
