import { Injectable } from '@nestjs/common';

/** Injected wherever "now" matters, so tests can move time. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that stays where a test puts it. */
export class FixedClock extends Clock {
  constructor(private current: Date) {
    super();
  }

  override now(): Date {
    return new Date(this.current);
  }

  set(to: Date): void {
    this.current = new Date(to);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** The calendar year in Europe/Istanbul, where the municipality counts its years. */
export function istanbulYear(at: Date): number {
  return Number(ISTANBUL_YEAR.format(at));
}

// Building an Intl formatter costs about a millisecond; one is enough.
const ISTANBUL_YEAR = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Istanbul', year: 'numeric' });

const TURKISH_DATE = new Intl.DateTimeFormat('tr-TR', { timeZone: 'Europe/Istanbul', dateStyle: 'long' });
const TURKISH_DATE_TIME = new Intl.DateTimeFormat('tr-TR', { timeZone: 'Europe/Istanbul', dateStyle: 'long', timeStyle: 'short' });

/** "14 Aralık 2026", as citizens and staff read a date, in Istanbul time. */
export const turkishDate = (at: Date): string => TURKISH_DATE.format(at);

/** "14 Aralık 2026 09:00". */
export const turkishDateTime = (at: Date): string => TURKISH_DATE_TIME.format(at);
