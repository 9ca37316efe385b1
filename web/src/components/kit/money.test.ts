import { blankIfZero, centsText, formatMoney, fromCents, moneyInputText, parseMoney, toCents, typedCents } from './money';

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

describe('money in forms and tables', () => {
  it('reads what is typed as cents, or null while it is not an amount', () => {
    expect(typedCents('$1,234.5')).toBe(123450n);
    expect(typedCents(12)).toBe(1200n);
    expect(typedCents('')).toBeNull();
    expect(typedCents(null)).toBeNull();
    expect(typedCents('1.234')).toBeNull();
  });

  it('shows cents as an input does, and one-sided amounts blank at zero', () => {
    expect(centsText(123450n, 'en-US')).toBe('1,234.50');
    expect(centsText(0n, 'en-US')).toBe('0.00');
    expect(blankIfZero('0.00', 'en-US')).toBe('');
    expect(blankIfZero('12.50', 'en-US')).toBe('$12.50');
  });
});
