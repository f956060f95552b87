// create_event: adds a meeting to the user's calendar and invites attendees.
// Risk "write": changes the user's data. It delivers its subject and body to the
// attendees, so an invitation to anyone outside the tenant is judged as an outbound send.
import { z } from 'zod/v4';
import { defineTool, emailAddress } from '../define-tool.js';
import { formatLocalTime, formatWallTime } from '../local-time.js';
import type { ToolDefinition } from '../tool.js';
import { runAction, type GraphCaller } from './graph-caller.js';

// ISO 8601 date-time: local (time zone given separately) or an instant with Z / an offset.
const DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?$/;
const HAS_OFFSET = /(?:Z|[+-]\d{2}:\d{2})$/;

interface CreateEventArgs {
  subject: string;
  start: string;
  end: string;
  attendees?: string[];
  timeZone?: string;
  body?: string;
}

export function createEventTool(graph: GraphCaller): ToolDefinition {
  const scopes = ['Calendars.ReadWrite'];
  return defineTool({
    name: 'create_event',
    description: 'Create a calendar event for the signed-in user and invite attendees. Times are local date-times like 2027-01-05T10:00 in the given time zone (default: the user\'s own time zone).',
    arguments: z.object({
      subject: z.string().min(1).max(255),
      start: z.string().regex(DATE_TIME_PATTERN),
      end: z.string().regex(DATE_TIME_PATTERN),
      attendees: z.array(emailAddress()).max(50).optional(),
      timeZone: z.string().regex(/^[A-Za-z_/+-]{1,64}$/).optional(),
      body: z.string().max(20000).describe('Plain-text description of the meeting (optional).').optional(),
    }),
    risk: 'write',
    scopes,
    roles: { attendees: 'recipient', subject: 'content', body: 'content' },
    results: 'as-marked',
    run: (rawArgs, ctx) =>
      runAction('create the event', async () => {
        const args = rawArgs as unknown as CreateEventArgs;
        // A wall-clock time the user said ("at 10") is in the user's own zone unless the call names one.
        const zone = args.timeZone ?? ctx.timeZone;
        const start = toGraphDateTime(args.start, zone);
        const end = toGraphDateTime(args.end, zone);
        if (!start || !end) return { content: 'Could not create the event: start or end is not a valid date-time.', untrusted: false };
        if (start.instant >= end.instant) return { content: 'Could not create the event: the end must be after the start.', untrusted: false };
        const event = {
          subject: args.subject,
          ...(args.body ? { body: { contentType: 'Text', content: args.body } } : {}),
          start: { dateTime: start.dateTime, timeZone: start.timeZone },
          end: { dateTime: end.dateTime, timeZone: end.timeZone },
          attendees: (args.attendees ?? []).map((address) => ({ emailAddress: { address }, type: 'required' })),
        };
        // transactionId: Graph answers a repeated create with the event it already made, so with a key the POST may be retried.
        const key = ctx.idempotencyKey;
        const created = await graph.client(ctx, scopes).post<{ id?: string }>('/me/events', key ? { ...event, transactionId: key } : event, { idempotent: key !== undefined });
        const invited = event.attendees.length;
        const when = `${shown(args.start, start.timeZone, ctx.timeZone)} to ${shown(args.end, end.timeZone, ctx.timeZone)}`;
        return { content: `Event created for ${when}${invited > 0 ? ` and ${invited} attendee${invited === 1 ? '' : 's'} invited` : ''}.`, untrusted: false, data: { eventId: created.id } };
      }),
    // Creating it again with the same transactionId returns the event an interrupted attempt made.
    reconcile: async (_args, ctx) => {
      if (!ctx.idempotencyKey) throw new Error('reconcile needs the idempotency key');
      return { applied: false };
    },
  });
}

/** An instant in the user's zone; a wall-clock time as given, with its zone. */
function shown(value: string, zone: string, userZone: string | undefined): string {
  return HAS_OFFSET.test(value) ? (formatLocalTime(value, userZone ?? 'UTC') ?? value) : formatWallTime(value, zone);
}

/** Graph's dateTimeTimeZone: an instant with an offset becomes UTC; a local time keeps the given zone. */
function toGraphDateTime(value: string, timeZone: string | undefined): { dateTime: string; timeZone: string; instant: number } | undefined {
  const offset = HAS_OFFSET.test(value);
  const instant = Date.parse(offset ? value : `${value}Z`);
  if (Number.isNaN(instant)) return undefined;
  if (offset) return { dateTime: new Date(instant).toISOString().slice(0, 19), timeZone: 'UTC', instant };
  // Local times in the same zone compare correctly as if they were UTC.
  return { dateTime: value.length === 16 ? `${value}:00` : value, timeZone: timeZone ?? 'UTC', instant };
}
