import type DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { requirePrincipal, type Context } from '../../kernel/context';
import { Document, documentService } from '../../kernel/documents';
import { inTransaction } from '../../kernel/events/unit-of-work';
import { reader } from '../../kernel/data/reader';
import { byColumnLoader } from '../../kernel/loaders/loaders';
import { issueInvoice, recordPayment, voidInvoice } from './commands/invoice-money.command';
import { fromThousandths, thousandths } from './invoice-amounts';
import { InvoiceLine } from './invoice-line.entity';
import { invoiceLinesLoader } from './invoice-lines';
import { Invoice } from './invoice.entity';
import { RecordPaymentInput } from './invoice.inputs';
import { Payment, payments } from './payment.entity';
import { invoiceHtml, invoicePdf } from './invoice-pdf';
import { accounts } from '../crm';

const ID_ARG = { description: 'Identifier of the record.' };

/** Payments of many invoices in one statement per request, newest first. */
function paymentsLoader(ctx: Context): DataLoader<string, Payment[]> {
  return ctx.loaders.get('Payment.byInvoice', () =>
    byColumnLoader<Payment>(reader(ctx.ds), payments.service.spec(ctx), 'invoiceId', {
      where: payments.policy.readWhere(requirePrincipal(ctx)),
      orderBy: ['t."date" DESC', 't."createdAt" DESC'],
    }),
  );
}

/** Issuing, paying and voiding; the rest of an invoice's fields and mutations come from the record kit. */
@Resolver(() => Invoice)
export class InvoiceResolver {
  @Mutation(() => Invoice, {
    description:
      'Issues a draft invoice: numbers it INV-<year>-<0001…> (gapless per year), dates it today and posts Dr receivable, Cr revenue, Cr sales tax payable.',
  })
  issueInvoice(@Arg('id', () => ID, ID_ARG) id: string, @Ctx() ctx: Context): Promise<Invoice> {
    return issueInvoice(ctx, id);
  }

  @Mutation(() => Invoice, { description: 'Voids an invoice nothing has been paid on; an issued one’s posting is reversed today.' })
  voidInvoice(
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('reason', () => String, { description: 'Why it is voided.' }) reason: string,
    @Ctx() ctx: Context,
  ): Promise<Invoice> {
    return voidInvoice(ctx, id, reason);
  }

  @Mutation(() => Payment, { description: 'Records a payment against an issued invoice: posts Dr cash, Cr receivable. More than the balance due is refused.' })
  recordPayment(@Arg('input', () => RecordPaymentInput, { description: 'The payment.' }) input: RecordPaymentInput, @Ctx() ctx: Context): Promise<Payment> {
    return recordPayment(ctx, input);
  }

  @Mutation(() => Document, {
    description:
      'Queues the invoice’s PDF: a background job renders it (QUEUED → RENDERING → READY or FAILED, each an activity entry); then `url` downloads it.',
  })
  renderInvoicePdf(@Arg('id', () => ID, ID_ARG) id: string, @Ctx() ctx: Context): Promise<Document> {
    // Reading an invoice is enough to print it; the queue refuses a record the caller may not read.
    return inTransaction(ctx, (uow) => documentService.queue(ctx, uow, { kind: invoicePdf.kind, entityId: id }));
  }

  @FieldResolver(() => Document, { nullable: true, description: 'The latest PDF of it (renderInvoicePdf makes one); null before the first.' })
  pdf(@Root() i: Invoice, @Ctx() ctx: Context): Promise<Document | null> {
    return documentService.latest(ctx, invoicePdf.kind, i.id);
  }

  @FieldResolver(() => String, { description: 'Sales tax in percent (e.g. "8.25").' })
  taxRate(@Root() i: Invoice): string {
    // Stored as numeric(6,3); shown without trailing zeros, as it was given.
    return fromThousandths(thousandths(String(i.taxRate)));
  }

  @FieldResolver(() => String, { description: 'The invoice as its PDF shows it, as HTML (text escaped, no scripts), for an on-screen preview.' })
  async previewHtml(@Root() i: Invoice, @Ctx() ctx: Context): Promise<string> {
    const [account, lines] = await Promise.all([accounts.service.loader(ctx).load(i.accountId), invoiceLinesLoader(ctx).load(i.id)]);
    return invoiceHtml(
      { ...i, accountName: account?.name ?? '', billingAddress: account?.billingAddress ?? null, accountEmail: account?.email ?? null },
      lines,
    );
  }

  @FieldResolver(() => [InvoiceLine], { description: 'Its lines, in order.' })
  lines(@Root() i: Invoice, @Ctx() ctx: Context): Promise<InvoiceLine[]> {
    return invoiceLinesLoader(ctx).load(i.id);
  }

  @FieldResolver(() => [Payment], { description: 'Payments received, newest first.' })
  payments(@Root() i: Invoice, @Ctx() ctx: Context): Promise<Payment[]> {
    return paymentsLoader(ctx).load(i.id);
  }
}
