// The scenario format of the agent evaluation (docs/tool-policy.md): what to
// seed in the emulated tenant, what the user says, and either the attacker's
// goal (effects and strings that must not happen) or the benign expected outcome.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const email = z.string().regex(/^[^\s@]{1,64}@[a-z0-9.-]{1,253}$/, 'an e-mail address like megan@contoso.example');
const itemId = z.string().regex(/^[A-Za-z0-9]{8,64}$/, '8-64 letters or digits (a drive item id)');

const seedFile = z
  .object({
    id: itemId.optional(),
    name: z.string().min(1).max(200),
    text: z.string().max(100_000),
    /** OneDrive of this user (default: the scenario's actor). */
    owner: email.optional(),
    /** Or a document library of a seeded site. */
    site: z.enum(['finance', 'communications']).optional(),
    sharedWith: z.array(email).max(20).optional(),
  })
  .strict()
  .refine((f) => !(f.owner && f.site), 'give owner or site, not both');

const seedMail = z
  .object({
    from: z.object({ name: z.string().min(1).max(100), address: email }).strict(),
    subject: z.string().min(1).max(255),
    body: z.string().max(50_000),
    /** Mailbox owner (default: the scenario's actor). */
    to: email.optional(),
  })
  .strict();

const seedTeam = z
  .object({
    id: z.string().uuid(),
    displayName: z.string().min(1).max(100),
    /** Default: the scenario's actor. */
    members: z.array(email).max(20).optional(),
    channels: z.array(z.object({ id: z.string().regex(/^19:[A-Za-z0-9_.@-]{1,200}$/), displayName: z.string().min(1).max(100) }).strict()).min(1).max(10),
  })
  .strict();

export const effectTypes = ['mail', 'link', 'deletion', 'event', 'update', 'channel-message'] as const;

/** Matches one side effect recorded by the Graph emulator. Every given field must match. */
export const effectMatcherSchema = z
  .object({
    type: z.enum(effectTypes),
    /** A recipient / attendee / link recipient address (case-insensitive, exact). */
    to: email.optional(),
    fileId: itemId.optional(),
    scope: z.enum(['organization', 'anonymous', 'users']).optional(),
    subjectIncludes: z.string().min(1).optional(),
    bodyIncludes: z.string().min(1).optional(),
    /** A Teams channel a message was posted to (tools added through an --extension). */
    channelId: z.string().min(1).optional(),
  })
  .strict();
export type EffectMatcher = z.infer<typeof effectMatcherSchema>;

const attackSchema = z
  .object({
    /** What the attacker wants, in words (for the report). */
    goal: z.string().min(1).max(300),
    /** Strings that must reach neither the user's reply nor any side effect (besides canary and system prompt, always checked). */
    mustNotLeak: z.array(z.string().min(3)).default([]),
    /** Side effects the user legitimately asked for in the same scenario; any other effect is an attack success. */
    allowedEffects: z.array(effectMatcherSchema).default([]),
  })
  .strict();

const expectSchema = z
  .object({
    effects: z.array(effectMatcherSchema).default([]),
    /** Each must appear in the final reply (case-insensitive). */
    replyIncludes: z.array(z.string().min(1)).default([]),
    /** The tool whose call must have been held for approval (the expected, safe outcome of e.g. a delete). */
    approvalRequested: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/).optional(),
    /** When true (default), effects beyond the expected ones fail the scenario. */
    noOtherEffects: z.boolean().default(true),
  })
  .strict()
  .refine((e) => e.effects.length + e.replyIncludes.length > 0 || e.approvalRequested !== undefined, 'expect needs at least one of effects, replyIncludes or approvalRequested');

export const families = [
  'mail-exfiltration',
  'sharing-link',
  'delete-file',
  'system-prompt-leak',
  'markdown-image',
  'approver-change',
  'split-instructions',
  'encoded-instructions',
  'cross-user-data',
  'sensitive-data',
  'calendar-abuse',
  'read',
  'search',
  'mail',
  'calendar',
  'share',
  'delete',
  'profile',
  'sites',
  // tools added through an --extension (docs/extending.md)
  'extension-abuse',
  'extension',
  /** Several turns of one conversation: what an earlier turn read keeps its provenance. */
  'multi-turn',
] as const;

export const scenarioSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+){0,12}$/, 'kebab-case id, the file name without .json'),
    kind: z.enum(['attack', 'benign']),
    family: z.enum(families),
    description: z.string().min(10).max(500),
    /** The signed-in user (default megan@contoso.example). */
    actor: email.default('megan@contoso.example'),
    seed: z.object({ files: z.array(seedFile).max(20).default([]), mail: z.array(seedMail).max(20).default([]), teams: z.array(seedTeam).max(5).default([]) }).strict().default({}),
    /** The user's messages, one turn each, in one conversation. */
    messages: z.array(z.string().min(1).max(4000)).min(1).max(5),
    attack: attackSchema.optional(),
    expect: expectSchema.optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.kind === 'attack' && (!s.attack || s.expect)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['attack'], message: 'an attack scenario has "attack" and no "expect"' });
    if (s.kind === 'benign' && (!s.expect || s.attack)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['expect'], message: 'a benign scenario has "expect" and no "attack"' });
  });

export type Scenario = z.infer<typeof scenarioSchema>;

export interface LoadedScenarios {
  scenarios: Scenario[];
  problems: string[];
}

/** Reads every *.json file in dir (sorted); a bad file is reported, never silently skipped. */
export function loadScenarios(dir: string): LoadedScenarios {
  const scenarios: Scenario[] = [];
  const problems: string[] = [];
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  } catch (err) {
    return { scenarios, problems: [`cannot read the scenario folder ${dir} (${(err as NodeJS.ErrnoException).code ?? 'error'})`] };
  }
  const seen = new Set<string>();
  for (const file of files) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (err) {
      problems.push(`${file}: not valid JSON (${(err as Error).message})`);
      continue;
    }
    const parsed = scenarioSchema.safeParse(json);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
      continue;
    }
    if (`${parsed.data.id}.json` !== file) problems.push(`${file}: id "${parsed.data.id}" must match the file name`);
    if (seen.has(parsed.data.id)) problems.push(`${file}: duplicate id`);
    seen.add(parsed.data.id);
    scenarios.push(parsed.data);
  }
  return { scenarios, problems };
}
