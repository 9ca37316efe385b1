import { within } from '@testing-library/react';
import type { MockLink } from '@apollo/client/testing';
import type { InvoiceDetailQuery, InvoiceRowFragment } from '../../gql/graphql';
import { AccountOptionsDocument } from '../../gql/accounts';
import { InvoiceDetailDocument } from '../../gql/invoices';

// Invoices as the screens select them, for the component tests.

export type InvoiceDetail = NonNullable<InvoiceDetailQuery['invoice']>;

export const acme = { __typename: 'Account' as const, id: 'acc-1', name: 'Acme Corp' };

/** A draft as the list selects it, with overrides. */
export function invoiceRow(over: Partial<InvoiceRowFragment> = {}): InvoiceRowFragment {
  return {
    __typename: 'Invoice',
    id: 'inv-1',
    number: null,
    status: 'DRAFT',
    issueDate: null,
    dueDate: '2026-05-01',
    total: '168.33',
    amountPaid: '0.00',
    balanceDue: '0.00',
    createdAt: '2026-04-01T09:00:00.000Z',
    updatedAt: '2026-04-01T09:00:00.000Z',
    version: 1,
    account: acme,
    ...over,
  };
}

/** A draft as its page selects it: 1.5 × 80.00 + 1 × 35.50 at 8.25 %. */
export function invoice(over: Partial<InvoiceDetail> = {}): InvoiceDetail {
  return {
    ...invoiceRow(),
    subtotal: '155.50',
    taxRate: '8.25',
    tax: '12.83',
    voidReason: null,
    workOrder: null,
    lines: [
      { __typename: 'InvoiceLine', description: 'Service call', quantity: '1.5', unitPrice: '80.00', amount: '120.00' },
      { __typename: 'InvoiceLine', description: 'Parts', quantity: '1', unitPrice: '35.50', amount: '35.50' },
    ],
    payments: [],
    previewHtml: '<!doctype html><html lang="en"><body><h1>Draft invoice</h1></body></html>',
    timeline: { __typename: 'ActivityLogConnection', edges: [] },
    ...over,
  };
}

/** The same invoice once issued, nothing paid yet. */
export const issued = (over: Partial<InvoiceDetail> = {}) =>
  invoice({ number: 'INV-2026-0001', status: 'ISSUED', issueDate: '2026-04-02', balanceDue: '168.33', version: 2, ...over });

/** The invoice page's query, answered with the invoice as it stands when asked. */
export const invoiceDetailMock = (i: InvoiceDetail | (() => InvoiceDetail)): MockLink.MockedResponse => ({
  request: { query: InvoiceDetailDocument, variables: { id: typeof i === 'function' ? i().id : i.id } },
  result: () => ({ data: { invoice: typeof i === 'function' ? i() : i } }),
  maxUsageCount: 10,
});

/** What a mutation returns: the invoice without its history. */
export const withoutTimeline = ({ timeline: _timeline, ...rest }: InvoiceDetail) => rest;

export const accountOptions: MockLink.MockedResponse = {
  request: { query: AccountOptionsDocument, variables: { filter: {}, first: 20 } },
  result: { data: { accounts: { __typename: 'AccountConnection', edges: [{ __typename: 'AccountEdge', node: { ...acme, industry: 'Manufacturing' } }] } } },
  maxUsageCount: 10,
};

/** A table's body rows as the texts of their cells. */
export const cellTexts = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => Array.from(r.querySelectorAll('td, th')).map((c) => c.textContent));
