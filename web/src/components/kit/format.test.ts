import { formatDate, isCalendarDate, today } from './format';
import { formatPhone, phoneInputText } from './phone';

describe('dates and phones for reading', () => {
  it('accepts only real calendar days', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('31.12.2026')).toBe(false);
    expect(isCalendarDate('')).toBe(false);
  });

  it('gives today as the calendar day where the user is', () => {
    jest.useFakeTimers({ now: new Date(2026, 2, 31, 23, 59) });
    try {
      expect(today()).toBe('2026-03-31');
      expect(isCalendarDate(today())).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });

  it('reads a calendar day as that day wherever the user is', () => {
    expect(formatDate('2026-12-31')).toBe(new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(2026, 11, 31)));
  });

  it('shows phones in the national notation of the user’s country, others internationally', () => {
    expect(formatPhone('+12125551002', 'en-US')).toBe('(212) 555-1002');
    expect(formatPhone('+442079460958', 'en-US')).toBe('+44 20 7946 0958');
    expect(formatPhone('+442079460958', 'en-GB')).toBe('020 7946 0958');
    expect(formatPhone('not a phone', 'en-US')).toBe('not a phone');
    expect(phoneInputText('+12125551002')).toBe('+1 212 555 1002');
  });
});
