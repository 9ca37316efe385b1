import { clientAs, createAccount, tag } from '../../../test/factories';
import { startTestJobs, waitFor } from '../../../test/jobs';
import { pdfText } from '../../../test/pdf';
import { startTestServer, TestServer } from '../../../test/server';
import { pdfRenderer, renderDocumentJob } from '../../kernel/documents';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ BUSINESS_NAME: 'Northwind Plumbing & Heating', BUSINESS_ADDRESS: '12 Pipe Lane, Springfield' });
});
afterAll(async () => {
  await pdfRenderer.close();
  await server.stop();
});

const RENDER = `mutation($id: ID!) { renderInvoicePdf(id: $id) { id status } }`;
const PDF = `query($id: ID!) { invoice(id: $id) { number pdf { id status url contentType error } } }`;

describe('an invoice PDF', () => {
  it('renders the issued invoice in Chromium: business, account, lines, tax, totals, paid and due', async () => {
    const jobs = startTestJobs(server.ds, 'in-process', { jobs: [renderDocumentJob as never], policy: { attempts: 2, backoffMs: 20 } });
    try {
      const accountant = await clientAs(server, 'ACCOUNTANT');
      const manager = await clientAs(server, 'SALES_MANAGER');
      const name = tag('Acme <Boilers> & Co');
      const account = await createAccount(server.ds, accountant.user.id, { name });
      const draft = (
        await accountant.ok(`mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) { id } }`, {
          input: {
            accountId: account.id,
            dueDate: '2030-01-31',
            taxRate: '8.25',
            lines: [
              { description: 'Boiler service', quantity: '1.5', unitPrice: '80.00' },
              { description: 'Pressure valve', quantity: '1', unitPrice: '1235.50' },
            ],
          },
        })
      ).createInvoice;
      const issued = (await accountant.ok(`mutation($id: ID!) { issueInvoice(id: $id) { number } }`, { id: draft.id })).issueInvoice;
      await accountant.ok(
        `mutation($id: ID!) { recordPayment(input: { invoiceId: $id, amount: "500.00", date: "${new Date().toISOString().slice(0, 10)}", method: CARD }) { id } }`,
        {
          id: draft.id,
        },
      );

      // A manager reads financials, so may print it.
      expect((await manager.ok(RENDER, { id: draft.id })).renderInvoicePdf.status).toBe('QUEUED');
      const doc = await waitFor('the PDF', async () => {
        const pdf = (await manager.ok(PDF, { id: draft.id })).invoice.pdf;
        return pdf.status === 'READY' || pdf.status === 'FAILED' ? pdf : null;
      });
      expect(doc).toMatchObject({ status: 'READY', contentType: 'application/pdf', error: null });
      const link = new URL(doc.url, 'http://localhost');
      const res = await fetch(server.url.replace(/\/graphql$/, '') + link.pathname + link.search);
      expect(res.status).toBe(200);
      const { text } = await pdfText(new Uint8Array(await res.arrayBuffer()));
      // pdf.js joins text runs with or without a space: compare without whitespace.
      const flat = text.replace(/\s+/g, '');
      const has = (s: string) => expect(flat).toContain(s.replace(/\s+/g, ''));
      for (const expected of [
        'Northwind Plumbing & Heating',
        '12 Pipe Lane, Springfield',
        `Invoice ${issued.number}`,
        name,
        'Boiler service',
        '1.5',
        '120.00',
        '1,235.50',
        'Tax (8.25%)',
      ]) {
        has(expected);
      }
      // Subtotal 1,355.50; tax 111.83 (half up); total 1,467.33; paid 500.00; due 967.33.
      for (const figure of ['1,355.50', '111.83', '1,467.33', '500.00', '967.33']) has(figure);

      const rep = await clientAs(server, 'SALES_REP');
      expect((await rep.request(RENDER, { id: draft.id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    } finally {
      await jobs.stop(5000);
    }
  });
});
