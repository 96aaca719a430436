const MINUTE = 60_000;
const ISTANBUL_OFFSET = 3 * 60 * MINUTE; // no DST since 2016

/** "21:00-08:00" → minutes of the day; the window may run over midnight. */
export function parseWindow(window: string): { start: number; end: number } {
  const [start, end] = window.split('-').map((hm) => {
    const [h, m] = hm.split(':').map(Number);
    return h * 60 + m;
  });
  return { start, end };
}

/** The instant a non-urgent message may go: `now` itself, or the end of the quiet hours it falls in (Istanbul time). */
export function afterQuietHours(now: Date, window: string): Date {
  const { start, end } = parseWindow(window);
  if (start === end) return now;
  const local = now.getTime() + ISTANBUL_OFFSET;
  const minute = Math.floor((local % (1440 * MINUTE)) / MINUTE);
  const quiet = start < end ? minute >= start && minute < end : minute >= start || minute < end;
  if (!quiet) return now;
  const dayStart = local - (local % (1440 * MINUTE));
  const endToday = dayStart + end * MINUTE;
  const target = endToday > local ? endToday : endToday + 1440 * MINUTE;
  return new Date(target - ISTANBUL_OFFSET);
}
