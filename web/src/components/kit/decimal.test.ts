import { divideHalfUp, formatDecimal, parseDecimal, scaled } from './decimal';

describe('decimals as people type them', () => {
  it.each([
    ['1.5', '1.5'],
    ['1,5', '1.5'],
    [' 2 ', '2'],
    ['.25', '0.25'],
    ['007', '7'],
    ['1.500', '1.5'],
    ['8.250', '8.25'],
    ['1,000', '1000'],
    ['1,000.5', '1000.5'],
    ['1.500', '1.5'],
  ])('reads %p as %p (en-US)', (typed, value) => {
    expect(parseDecimal(typed, 3, 'en-US')).toEqual({ ok: true, value });
  });

  it('reads a thousands dot where the locale groups with dots', () => {
    expect(parseDecimal('1.500', 3, 'de-DE')).toEqual({ ok: true, value: '1500' });
    expect(parseDecimal('1,5', 3, 'de-DE')).toEqual({ ok: true, value: '1.5' });
  });

  it.each([
    ['1.0001', 3, 'must have at most 3 decimals'],
    ['1.5', 0, 'must be a whole number'],
    ['-1', 3, 'must be ≥ 0'],
    ['1e3', 3, 'is not a number'],
    ['1,00,0', 3, 'is not a number'],
    ['.', 3, 'is not a number'],
    ['', 3, 'is required'],
  ])('refuses %p (%p decimals)', (typed, decimals, message) => {
    expect(parseDecimal(typed, decimals, 'en-US')).toEqual({ ok: false, message });
  });

  it('scales exactly and rounds half up', () => {
    expect(scaled('1.5', 3)).toBe(1500n);
    expect(scaled('8.25', 3)).toBe(8250n);
    expect(scaled('12', 2)).toBe(1200n);
    expect(divideHalfUp(5n, 10n)).toBe(1n);
    expect(divideHalfUp(4n, 10n)).toBe(0n);
    expect(divideHalfUp(15n, 10n)).toBe(2n);
  });

  it('formats without going through a float', () => {
    expect(formatDecimal('1234.5', 3, 'en-US')).toBe('1,234.5');
    expect(formatDecimal('0.125', 3, 'en-US')).toBe('0.125');
    expect(formatDecimal(null)).toBe('—');
  });
});
