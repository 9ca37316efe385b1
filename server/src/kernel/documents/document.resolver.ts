import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { documentLink } from './document-link';
import { Document, DocumentStatus } from './document.entity';
import { documentService } from './document.service';

/** Reading documents; modules queue them from their own commands (e.g. renderInvoicePdf). */
@Resolver(() => Document)
export class DocumentResolver {
  @Query(() => Document, {
    nullable: true,
    description: 'A rendered document by id; null when it does not exist or you may not read the record it was made from.',
  })
  document(
    @Arg('id', () => ID, { description: 'The document (as returned by the command that queued it).' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<Document | null> {
    return documentService.get(ctx, id);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Download link for the file, valid for 5 minutes and needing no Authorization header; null until the document is READY.',
  })
  async url(@Root() doc: Document, @Ctx() ctx: Context): Promise<string | null> {
    return doc.status === DocumentStatus.READY ? documentLink(ctx.ds, doc.id) : null;
  }
}
