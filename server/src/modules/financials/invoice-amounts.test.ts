import fc from 'fast-check';
import { fromMinor, toMinor } from '../../kernel/money';
import { fromThousandths, invoiceTotals, isQuantity, isTaxRate, lineAmount, taxOf, thousandths } from './invoice-amounts';

describe('invoice arithmetic', () => {
  it('rounds a line half up to the cent', () => {
    expect(fromMinor(lineAmount('1', '19.99'))).toBe('19.99');
    expect(fromMinor(lineAmount('1.5', '0.03'))).toBe('0.05'); // 0.045 → 0.05
    expect(fromMinor(lineAmount('0.333', '10.00'))).toBe('3.33'); // 3.33
    expect(fromMinor(lineAmount('2.125', '0.10'))).toBe('0.21'); // 0.2125 → 0.21
    expect(fromMinor(lineAmount('0.005', '1.00'))).toBe('0.01'); // 0.005 → 0.01
  });

  it('rounds tax half up on the subtotal, not per line', () => {
    expect(fromMinor(taxOf(toMinor('100.00'), '8.25'))).toBe('8.25');
    expect(fromMinor(taxOf(toMinor('0.06'), '8.25'))).toBe('0.00'); // 0.00495
    expect(fromMinor(taxOf(toMinor('0.20'), '2.5'))).toBe('0.01'); // 0.005 → 0.01
    const t = invoiceTotals(
      [
        { quantity: '3', unitPrice: '0.35' },
        { quantity: '1', unitPrice: '0.35' },
      ],
      '10',
    );
    expect([t.subtotal, t.tax, t.total].map(fromMinor)).toEqual(['1.40', '0.14', '1.54']);
  });

  it('accepts quantities of up to 3 decimals above zero and rates from 0 to 100', () => {
    expect(['1', '0.001', '12.5', '999999999.999'].every(isQuantity)).toBe(true);
    expect(['0', '0.000', '-1', '1.0001', '1e3', '', ' '].some(isQuantity)).toBe(false);
    expect(['0', '8.25', '100', '7.125'].every(isTaxRate)).toBe(true);
    expect(['100.001', '-1', '8.2555', 'abc'].some(isTaxRate)).toBe(false);
  });

  it('agrees with exact rational arithmetic for any quantity and price (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 100_000_000 }), (q, cents) => {
        const quantity = fromThousandths(BigInt(q));
        expect(thousandths(quantity)).toBe(BigInt(q));
        const exactTimes1000 = BigInt(q) * BigInt(cents); // the amount in thousandths of a cent
        const rounded = lineAmount(quantity, fromMinor(BigInt(cents)));
        // Half up: the rounded cents are within half a cent, and a tie goes up (+500).
        const diff = rounded * 1000n - exactTimes1000;
        expect(diff > -500n && diff <= 500n).toBe(true);
      }),
    );
  });
});
