import type { MockLink } from '@apollo/client/testing';
import type { WorkOrderDetailQuery, WorkOrderRowFragment } from '../../gql/graphql';
import { ContactOptionsDocument } from '../../gql/contacts';
import { WorkOrderDetailDocument } from '../../gql/work-orders';
import { acme } from './invoice-test-data';

// Work orders as the screens select them, for the component tests.

export type WorkOrderDetail = NonNullable<WorkOrderDetailQuery['workOrder']>;

/** An open work order as the list selects it, with overrides. */
export function workOrderRow(over: Partial<WorkOrderRowFragment> = {}): WorkOrderRowFragment {
  return {
    __typename: 'WorkOrder',
    id: 'wo-1',
    number: 'WO-2026-0001',
    status: 'OPEN',
    description: 'Replace the boiler pump',
    total: '120.00',
    createdAt: '2026-04-01T09:00:00.000Z',
    updatedAt: '2026-04-01T09:00:00.000Z',
    version: 1,
    account: acme,
    ...over,
  };
}

/**
 * The same order as its page selects it: 1.5 × 80.00 priced, one part not priced yet. `invoice` is
 * selected only for those who read invoices: pass `withInvoice` as the page would.
 */
export function workOrder(over: Partial<WorkOrderDetail> = {}, withInvoice = true): WorkOrderDetail {
  const wo: WorkOrderDetail = {
    ...workOrderRow(),
    contact: { __typename: 'Contact', id: 'con-1', firstName: 'Ada', lastName: 'Lovelace' },
    lines: [
      { __typename: 'WorkOrderLine', description: 'Labour', quantity: '1.5', unitPrice: '80.00', amount: '120.00' },
      { __typename: 'WorkOrderLine', description: 'Pump', quantity: '1', unitPrice: null, amount: null },
    ],
    timeline: { __typename: 'ActivityLogConnection', edges: [] },
    ...(withInvoice ? { invoice: null } : {}),
    ...over,
  };
  if (!withInvoice) delete wo.invoice;
  return wo;
}

/** The work order page's query, answered with the order as it stands when asked. */
export const workOrderDetailMock = (w: WorkOrderDetail | (() => WorkOrderDetail), withInvoice: boolean): MockLink.MockedResponse => ({
  request: { query: WorkOrderDetailDocument, variables: { id: typeof w === 'function' ? w().id : w.id, withInvoice } },
  result: () => ({ data: { workOrder: typeof w === 'function' ? w() : w } }),
  maxUsageCount: 10,
});

/** What a mutation returns: the order without its history. */
export const withoutTimeline = ({ timeline: _timeline, ...rest }: WorkOrderDetail) => rest;

/** The contact picker once Acme Corp is chosen: only Acme's contacts are asked for. */
export const acmeContacts: MockLink.MockedResponse = {
  request: { query: ContactOptionsDocument, variables: { filter: { account: { id: { eq: acme.id } } }, first: 20 } },
  result: {
    data: {
      contacts: {
        __typename: 'ContactConnection',
        edges: [
          {
            __typename: 'ContactEdge',
            node: { __typename: 'Contact', id: 'con-1', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@acme.test', account: acme },
          },
        ],
      },
    },
  },
  maxUsageCount: 10,
};
