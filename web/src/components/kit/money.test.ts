import { formatMoney, fromCents, moneyInputText, parseMoney, toCents } from './money';

describe('money as people type it', () => {
  it.each([
    ['12,000', '12000.00'],
    ['12000', '12000.00'],
    ['$48,000.50', '48000.50'],
    [' 48 000,50 ', '48000.50'],
    ['1,234,567.8', '1234567.80'],
    ['0.5', '0.50'],
    ['.5', '0.50'],
    ['12,5', '12.50'],
    ['USD 99', '99.00'],
    ['007', '7.00'],
  ])('reads %p as %p (en-US)', (typed, value) => {
    expect(parseMoney(typed, 'en-US')).toEqual({ ok: true, value });
  });

  it('reads a thousands dot where the locale groups with dots', () => {
    expect(parseMoney('1.500', 'de-DE')).toEqual({ ok: true, value: '1500.00' });
    expect(parseMoney('1.500,25', 'de-DE')).toEqual({ ok: true, value: '1500.25' });
  });

  it.each([
    ['12.345', 'must have at most 2 decimals'],
    ['1.500', 'must have at most 2 decimals'],
    ['-5', 'must be ≥ 0'],
    ['$-5', 'must be ≥ 0'],
    ['abc', 'is not a number'],
    ['1e5', 'is not a number'],
    ['12..5', 'is not a number'],
    ['1,2,3', 'is not a number'],
    ['1234567890123', 'is too large'],
  ])('refuses %p: %s', (typed, message) => {
    expect(parseMoney(typed, 'en-US')).toEqual({ ok: false, message });
  });

  it('formats the API decimal exactly, in the locale', () => {
    expect(formatMoney('999999999999.99', 'en-US')).toBe('$999,999,999,999.99');
    expect(formatMoney('1234.5', 'en-US')).toBe('$1,234.50');
    expect(formatMoney(null)).toBe('—');
    expect(moneyInputText('48000.5', 'en-US')).toBe('48,000.50');
  });
});

describe('money in whole cents', () => {
  it.each([
    ['1234.50', 123450n],
    ['0.01', 1n],
    ['7', 700n],
    ['.5', 50n],
    ['-0.01', -1n],
    ['99999999999999.99', 9999999999999999n],
  ])('reads %p as %p cents', (value, cents) => {
    expect(toCents(value)).toBe(cents);
  });

  it('adds amounts exactly where floats would not', () => {
    const sum = ['0.10', '0.20', '0.30'].reduce((s, v) => s + toCents(v), 0n);
    expect(fromCents(sum)).toBe('0.60');
    expect(fromCents(-1n)).toBe('-0.01');
    expect(fromCents(0n)).toBe('0.00');
  });

  it('refuses what is not an amount', () => {
    expect(() => toCents('1.234')).toThrow();
    expect(() => toCents('abc')).toThrow();
    expect(() => toCents('')).toThrow();
  });
});
