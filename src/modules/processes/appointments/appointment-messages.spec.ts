import { bookedText, reminderAt } from './appointment-messages';

describe('appointment messages', () => {
  const meeting = new Date('2026-11-05T11:30:00+03:00');

  it('reminds at 10:00 Istanbul time the day before', () => {
    expect(reminderAt(meeting, new Date('2026-11-02T09:00:00+03:00'))).toEqual(new Date('2026-11-04T10:00:00+03:00'));
  });

  it('sends no reminder when booked after that moment', () => {
    expect(reminderAt(meeting, new Date('2026-11-04T15:00:00+03:00'))).toBeNull();
  });

  it('reminds across a month end', () => {
    expect(reminderAt(new Date('2026-12-01T09:00:00+03:00'), new Date('2026-11-20T09:00:00+03:00'))).toEqual(new Date('2026-11-30T10:00:00+03:00'));
  });

  it('writes the date and time as Istanbul reads them', () => {
    expect(bookedText('Ayşe Yılmaz', meeting, 'Başkanlık Makamı').body).toBe(
      'Sayın Ayşe Yılmaz, Belediye Başkanımız ile görüşme randevunuz 5 Kasım 2026 Perşembe saat 11:30 olarak belirlenmiştir. Yer: Başkanlık Makamı. Özel Kalem Müdürlüğü',
    );
  });
});
