const WEEKDAY_AND_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Istanbul',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * Whether the call centre answers at `at`: Monday to Friday within `hours` ("08:30-17:30"),
 * Istanbul time. Public holidays come with the working-time calendar of the deadlines.
 */
export function callCentreOpen(at: Date, hours: string): boolean {
  const parts = Object.fromEntries(WEEKDAY_AND_TIME.formatToParts(at).map((p) => [p.type, p.value]));
  if (parts.weekday === 'Sat' || parts.weekday === 'Sun') return false;
  const [open, close] = hours.split('-');
  const now = `${parts.hour}:${parts.minute}`;
  return now >= open && now < close;
}
