const FOLD: Record<string, string> = { ç: 'c', ğ: 'g', ı: 'i', ö: 'o', ş: 's', ü: 'u', â: 'a', î: 'i', û: 'u' };

/** "sikayet" matches "Şikâyet", "ISIK" matches "ışık" (as the server's foldTurkish). */
export function fold(text: unknown): string {
  return String(text ?? '')
    .toLocaleLowerCase('tr-TR')
    .normalize('NFC')
    .replace(/[çğıöşüâîû]/g, (ch) => FOLD[ch])
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const dateTime = new Intl.DateTimeFormat('tr-TR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Istanbul' });
const dateOnly = new Intl.DateTimeFormat('tr-TR', { dateStyle: 'short', timeZone: 'Europe/Istanbul' });
const number = new Intl.NumberFormat('tr-TR', { maximumFractionDigits: 1 });

/** "25.11.2026 10:00" in Istanbul time; "—" for nothing. */
export const formatTime = (iso: string | null | undefined): string => (iso ? dateTime.format(new Date(iso)) : '—');
export const formatDate = (iso: string | null | undefined): string => (iso ? dateOnly.format(new Date(iso)) : '—');
export const formatNumber = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : number.format(n));

/** A list's count as staff read it: "1.234", or "10.000+" when the server stopped counting there. */
export const formatTotal = (page: { total: number; totalCapped?: boolean }): string => `${formatNumber(page.total)}${page.totalCapped ? '+' : ''}`;

/** "45 dk", "3 sa 10 dk", "2 gün 4 sa". */
export function span(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  if (minutes < 60) return `${minutes} dk`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} sa ${minutes % 60} dk`;
  return `${Math.floor(hours / 24)} gün ${hours % 24} sa`;
}

/** How long ago: "3 sa 10 dk". */
export const age = (iso: string): string => span(Date.now() - new Date(iso).getTime());

/** "2 sa 10 dk kaldı" or "3 gün gecikti"; `late` for styling. */
export function countdown(iso: string | null | undefined): { text: string; late: boolean } {
  if (!iso) return { text: 'Süre yok', late: false };
  const left = new Date(iso).getTime() - Date.now();
  return left >= 0 ? { text: `${span(left)} kaldı`, late: false } : { text: `${span(left)} gecikti`, late: true };
}
