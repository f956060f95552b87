// Reads a meeting time from plain words, relative to a given "now" so the
// offline model stays deterministic for a fixed clock. Times are UTC.

const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

export interface MeetingTime {
  start: Date;
  end: Date;
}

export function parseMeetingTime(text: string, now: Date): MeetingTime {
  const lower = text.toLowerCase().slice(0, 2000);
  const iso = /\b(\d{4}-\d{2}-\d{2})(?:[t ](\d{1,2}):(\d{2}))?/.exec(lower);
  let start: Date;
  if (iso) {
    start = new Date(`${iso[1]}T00:00:00Z`);
    if (Number.isNaN(start.getTime())) start = nextDay(now);
    if (iso[2] !== undefined) start.setUTCHours(Number(iso[2]), Number(iso[3] ?? 0), 0, 0);
    else applyClock(start, lower);
  } else {
    start = nextDay(now);
    if (/\btoday\b/.test(lower)) start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    const day = weekdays.findIndex((d) => new RegExp(`\\b${d}\\b`).test(lower));
    if (day !== -1) {
      const base = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
      const ahead = (day - base.getUTCDay() + 7) % 7 || 7;
      base.setUTCDate(base.getUTCDate() + ahead);
      start = base;
    }
    applyClock(start, lower);
  }
  const minutes = durationMinutes(lower);
  return { start, end: new Date(start.getTime() + minutes * 60_000) };
}

function nextDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 9, 0, 0));
}

/** "at 3pm", "at 14:30", "at 10"; default 09:00. */
function applyClock(day: Date, lower: string): void {
  const m = /\bat (\d{1,2})(?::(\d{2}))? ?(am|pm)?\b/.exec(lower);
  let hours = 9;
  let minutes = 0;
  if (m) {
    hours = Number(m[1]) % 24;
    minutes = Math.min(59, Number(m[2] ?? 0));
    if (m[3] === 'pm' && hours < 12) hours += 12;
    if (m[3] === 'am' && hours === 12) hours = 0;
  }
  day.setUTCHours(hours, minutes, 0, 0);
}

/** "for 1 hour", "for 45 minutes", "for 2h"; default 30 minutes, at most 8 hours. */
function durationMinutes(lower: string): number {
  const m = /\bfor (\d{1,3}(?:\.\d)?) ?(hours?|hrs?|h|minutes?|mins?|m)\b/.exec(lower);
  if (!m) return 30;
  const n = Number(m[1]);
  const minutes = (m[2] ?? 'm').startsWith('h') ? n * 60 : n;
  return Math.max(5, Math.min(480, Math.round(minutes)));
}
