import { callCentreOpen } from './working-hours';

describe('callCentreOpen', () => {
  const hours = '08:30-17:30';
  it('opens on weekdays within the hours, Istanbul time (UTC+3)', () => {
    expect(callCentreOpen(new Date('2026-11-25T05:30:00Z'), hours)).toBe(true); // Wednesday 08:30
    expect(callCentreOpen(new Date('2026-11-25T05:29:00Z'), hours)).toBe(false); // 08:29
    expect(callCentreOpen(new Date('2026-11-25T14:29:00Z'), hours)).toBe(true); // 17:29
    expect(callCentreOpen(new Date('2026-11-25T14:30:00Z'), hours)).toBe(false); // 17:30
  });
  it('is closed at weekends', () => {
    expect(callCentreOpen(new Date('2026-11-28T09:00:00Z'), hours)).toBe(false); // Saturday 12:00
    expect(callCentreOpen(new Date('2026-11-29T09:00:00Z'), hours)).toBe(false); // Sunday
  });
});
