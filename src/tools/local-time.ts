// Dates and times in the user's own time zone (the activity's IANA
// localTimezone). One formatter for tool results and replies; a zone the
// runtime does not know falls back to UTC, and callers can say so.

export interface UserTimeZone {
  /** A zone Intl accepts, e.g. America/New_York; 'UTC' when none was usable. */
  zone: string;
  /** True when the channel sent no usable zone and times are shown in UTC. */
  fallback: boolean;
}

// IANA names are short ASCII (Area/Location[/Sub], Etc/GMT+5): checked before Intl sees them.
const zoneShape = /^[A-Za-z][A-Za-z0-9_+-]{0,30}(?:\/[A-Za-z0-9_+-]{1,30}){0,2}$/;
const formatters = new Map<string, Intl.DateTimeFormat>();
const maxFormatters = 1000;

/** The zone to show times in: the given IANA zone when valid, else UTC (fallback). */
export function resolveTimeZone(raw: unknown): UserTimeZone {
  if (typeof raw !== 'string' || !zoneShape.test(raw)) return { zone: 'UTC', fallback: true };
  try {
    // Throws RangeError for a name the runtime's zone database does not know. Every turn from Teams
    // names a zone: the formatter it would need anyway is built once per zone, not once per turn.
    formatterFor(raw);
    return { zone: raw, fallback: false };
  } catch {
    return { zone: 'UTC', fallback: true };
  }
}

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: zone, timeZoneName: 'short' });
    // Zones are validated names (a few hundred exist); the bound only guards against surprises.
    if (formatters.size < maxFormatters) formatters.set(zone, formatter);
  }
  return formatter;
}

/**
 * "Nov 15, 2026, 4:00 AM EST" style text of an ISO instant in the zone; the input
 * unchanged when it is not a date (Graph sometimes sends none).
 */
export function formatLocalTime(iso: string | undefined, zone: string): string | undefined {
  if (iso === undefined) return undefined;
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return iso;
  return formatterFor(zone).format(new Date(instant));
}

const wallFormatter = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });

/** A wall-clock date-time that belongs to a zone ("2027-01-05T10:00" in Europe/Berlin): "Jan 5, 2027, 10:00 AM (Europe/Berlin)". */
export function formatWallTime(value: string, zone: string): string {
  const instant = Date.parse(`${value.slice(0, 19)}Z`);
  return Number.isNaN(instant) ? value : `${wallFormatter.format(new Date(instant))} (${zone})`;
}
