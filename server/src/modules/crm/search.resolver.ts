import { Arg, Ctx, Field, Float, Int, ObjectType, Query, registerEnumType, Resolver, createUnionType } from 'type-graphql';
import type { Context } from '../../kernel/context';
import { Account } from './account.entity';
import { Contact } from './contact.entity';
import { Deal } from './deal.entity';
import { SearchHitShape, searchService, SearchType } from './search.service';

registerEnumType(SearchType, { name: 'SearchType', description: 'Record types search covers.' });

export const SearchResult = createUnionType({
  name: 'SearchResult',
  description: 'A record found by search.',
  types: () => [Account, Contact, Deal] as const,
  resolveType: (value) => (value instanceof Account ? 'Account' : value instanceof Contact ? 'Contact' : value instanceof Deal ? 'Deal' : undefined),
});

@ObjectType({ description: 'A search match with its relevance.' })
export class SearchHit {
  @Field(() => Float, { description: 'Relevance; higher is better.' }) score!: number;
  @Field(() => SearchResult, { description: 'The record.' }) node!: typeof SearchResult;
}

@Resolver()
export class SearchResolver {
  @Query(() => [SearchHit], { description: 'Full-text search over the accounts, contacts and deals you may see, best first. Words match as prefixes.' })
  search(
    @Arg('query', { description: 'Words to look for; each matches as a prefix.' }) query: string,
    @Arg('types', () => [SearchType], { nullable: true, description: 'Record types to search; default: every type you may read.' }) types: SearchType[] | null,
    @Arg('first', () => Int, { nullable: true, description: 'At most this many hits: 0–100, default 20.' }) first: number | null,
    @Ctx() ctx: Context,
  ): Promise<SearchHitShape[]> {
    return searchService.search(ctx, query, types, first);
  }
}
