// Quiet hours: a daily window in a person's own time zone (IANA name) during which nothing is sent; what comes
// due inside it waits until it ends. A window may cross midnight (22:00–07:00). Local times come from Intl, so
// daylight-saving changes follow the zone's rules; on the night a clock jumps, the end is found by stepping
// minute by minute, never by adding a fixed offset.

export interface QuietHours {
  /** `HH:MM`, 24-hour, local time. */
  readonly start: string;
  readonly end: string;
  /** IANA time zone, e.g. `Europe/Rome`. */
  readonly timeZone: string;
}

const CLOCK = /^([01][0-9]|2[0-3]):([0-5][0-9])$/;

/** Minutes after local midnight, or null when `value` is not `HH:MM`. */
export function parseClock(value: string): number | null {
  const match = CLOCK.exec(value);
  return match === null ? null : Number(match[1]) * 60 + Number(match[2]);
}

export function isTimeZone(value: string): boolean {
  if (value.length === 0 || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function localMinutes(at: Date, timeZone: string): number {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const hour = Number(parts.find((part) => part.type === 'hour')?.value ?? 0);
  const minute = Number(parts.find((part) => part.type === 'minute')?.value ?? 0);
  return hour * 60 + minute;
}

function inside(minutes: number, start: number, end: number): boolean {
  if (start === end) return false;
  return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

/**
 * When the quiet hours around `at` end, or null when `at` is outside them (or the window is empty or
 * invalid). The answer is on a whole minute.
 */
export function quietUntil(at: Date, quiet: QuietHours | null): Date | null {
  if (quiet === null) return null;
  const start = parseClock(quiet.start);
  const end = parseClock(quiet.end);
  if (start === null || end === null || !isTimeZone(quiet.timeZone)) return null;
  let minutes = localMinutes(at, quiet.timeZone);
  if (!inside(minutes, start, end)) return null;
  // At most a day of minutes; a DST jump is crossed like any other minute.
  let probe = new Date(Math.floor(at.getTime() / 60_000) * 60_000);
  for (let step = 0; step < 26 * 60; step += 1) {
    probe = new Date(probe.getTime() + 60_000);
    minutes = localMinutes(probe, quiet.timeZone);
    if (!inside(minutes, start, end)) return probe;
  }
  return null;
}
