import { isLocalDate } from '@app/calendar';
import { InvalidFieldException } from '@app/common';

export interface ReportPeriod {
  from: string;
  to: string;
  days: number;
}

const DAY_MS = 86_400_000;

/** Checks a period as users type it: real dates, in order, no longer than the maximum. */
export function checkPeriod(from: string, to: string, maxDays: number): ReportPeriod {
  if (!isLocalDate(from)) throw new InvalidFieldException('from', `from: ${from} geçerli bir tarih değil`);
  if (!isLocalDate(to)) throw new InvalidFieldException('to', `to: ${to} geçerli bir tarih değil`);
  const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
  if (days < 1) throw new InvalidFieldException('to', `to: dönem sonu (${to}) başlangıçtan (${from}) önce olamaz`);
  if (days > maxDays) throw new InvalidFieldException('to', `to: dönem en çok ${maxDays} gün olabilir (${days} gün istendi)`);
  return { from, to, days };
}
