import { createHmac } from 'node:crypto';

/** The official checksum of a Turkish identity number (TC Kimlik No). */
export function isValidTcKimlik(value: string): boolean {
  if (!/^[1-9]\d{10}$/.test(value)) return false;
  const d = [...value].map(Number);
  const odd = d[0] + d[2] + d[4] + d[6] + d[8];
  const even = d[1] + d[3] + d[5] + d[7];
  const tenth = (((odd * 7 - even) % 10) + 10) % 10;
  const eleventh = d.slice(0, 10).reduce((sum, digit) => sum + digit, 0) % 10;
  return d[9] === tenth && d[10] === eleventh;
}

/** Keyed hash: lets a number be matched, never read back. */
export function hashTcKimlik(value: string, secret: string): string {
  return createHmac('sha256', secret).update(value).digest('hex');
}

export function maskTcKimlik(lastTwo: string | null): string | null {
  return lastTwo ? `*********${lastTwo}` : null;
}
