import { formatDate } from './format';
import { formatMoney } from './money';
import { formatPhone } from './phone';

// A list renders an amount, a date and a phone per row: the formatters behind them are built once.
describe('formatters for many rows', () => {
  afterEach(() => jest.restoreAllMocks());

  it('builds one number format per locale and options, however many amounts it formats', () => {
    const built = jest.spyOn(Intl, 'NumberFormat');
    const texts = Array.from({ length: 25 }, (_, i) => formatMoney(`${i}1234.50`, 'en-US'));
    expect(texts[1]).toBe('$11,234.50');
    expect(built).toHaveBeenCalledTimes(1);
    formatMoney('1', 'de-DE');
    expect(built).toHaveBeenCalledTimes(2);
  });

  it('builds the date format once', () => {
    formatDate('2026-12-31');
    const built = jest.spyOn(Intl, 'DateTimeFormat');
    for (let i = 1; i <= 25; i++) formatDate(`2026-12-${String(i).padStart(2, '0')}`);
    expect(built).not.toHaveBeenCalled();
  });

  it('works out the reader’s region once per locale', () => {
    const Locale = Intl.Locale;
    const built = jest.spyOn(Intl, 'Locale').mockImplementation((tag) => new Locale(tag));
    const texts = Array.from({ length: 25 }, () => formatPhone('+12125551002', 'en-US'));
    expect(texts[24]).toBe('(212) 555-1002');
    expect(built).toHaveBeenCalledTimes(1);
  });
});
