/**
 * Wall-clock helpers for the site's time zone. WordPress stores `post_date` as local wall time and
 * `post_date_gmt` as UTC, both `YYYY-MM-DD HH:MM:SS`; REST shows them as `YYYY-MM-DDTHH:MM:SS` without an
 * offset. Node's built-in ICU knows the zones, so no date library is needed.
 */

/** `YYYY-MM-DDTHH:MM:SS` of an instant in UTC (`date_gmt`). */
export function gmtString(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** `YYYY-MM-DDTHH:MM:SS` of an instant as wall time in `timeZone` (`date`), daylight saving included. */
export function localString(ms: number, timeZone: string): string {
  const p: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(ms))) p[part.type] = part.value;
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
}

/**
 * The zone's offset from UTC in hours at an instant, rounded to 2 decimals: what WordPress's
 * `wp_timezone_override_offset()` reports as `gmt_offset` when a `timezone_string` is set.
 */
export function offsetHours(timeZone: string, ms: number): number {
  const wall = Date.parse(`${localString(ms, timeZone)}Z`);
  const utc = Math.floor(ms / 1000) * 1000;
  return Math.round(((wall - utc) / 3_600_000) * 100) / 100;
}
