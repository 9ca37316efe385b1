import { issueBlocker, lineCents, RATE_DECIMALS, taxCents, typedInvoiceTotals, typedLinesTotal } from './invoice-totals';

describe('invoice arithmetic, as the server prices it', () => {
  it('rounds a line half up to the cent', () => {
    expect(lineCents('1.5', '80.00')).toBe(12000n);
    expect(lineCents('0.5', '0.01')).toBe(1n); // 0.005 → 0.01
    expect(lineCents('0.333', '0.10')).toBe(3n); // 0.0333 → 0.03
    expect(lineCents('2.125', '19.99')).toBe(4248n); // 42.47875 → 42.48
  });

  it('rounds the tax half up to the cent', () => {
    expect(taxCents(15550n, '8.25')).toBe(1283n); // 12.82875 → 12.83
    expect(taxCents(100n, '0.5')).toBe(1n); // 0.005 → 0.01
    expect(taxCents(15550n, '0')).toBe(0n);
  });

  it('totals the lines as typed, leaving out what does not read yet', () => {
    const rows = [
      { description: 'Service call', quantity: '1.5', unitPrice: '80' },
      { description: 'Parts', quantity: '1', unitPrice: '35.50' },
      { description: 'Half typed', quantity: '1.', unitPrice: 'abc' },
    ];
    expect(typedInvoiceTotals(rows, '8.25')).toEqual({ subtotal: 15550n, tax: 1283n, total: 16833n, rate: '8.25' });
    expect(typedInvoiceTotals(rows, '')).toEqual({ subtotal: 15550n, tax: 0n, total: 15550n, rate: '0' });
    expect(typedInvoiceTotals(rows, '101')).toMatchObject({ tax: 0n, rate: null });
  });

  it('reads the tax rate to RATE_DECIMALS places, as the server stores it', () => {
    const rows = [{ quantity: '1', unitPrice: '100' }];
    const finest = `8.${'1'.repeat(RATE_DECIMALS)}`; // 8.111
    expect(typedInvoiceTotals(rows, finest)).toMatchObject({ rate: finest, tax: 811n });
    expect(typedInvoiceTotals(rows, `${finest}1`)).toMatchObject({ rate: null, tax: 0n });
  });

  it('counts the lines still waiting for a price (work orders show them)', () => {
    const rows = [
      { quantity: '2', unitPrice: '10' },
      { quantity: '1', unitPrice: '' },
      { quantity: '', unitPrice: '5' },
    ];
    expect(typedLinesTotal(rows)).toEqual({ total: 2000n, unpriced: 1 });
  });

  it('says why a draft cannot be issued', () => {
    expect(issueBlocker({ lines: [], total: '0.00' })).toBe('An invoice needs at least one line to issue.');
    expect(issueBlocker({ lines: [{}], total: '0.00' })).toBe('An invoice needs a total above zero to issue.');
    expect(issueBlocker({ lines: [{}], total: '1.00' })).toBeNull();
  });
});
