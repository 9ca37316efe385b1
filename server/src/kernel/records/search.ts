import { Arg, Ctx, Field, Float, Int, ObjectType, Query, registerEnumType, Resolver, createUnionType } from 'type-graphql';
import type { Context } from '../context';
import { requirePrincipal } from '../context';
import { reader } from '../data/reader';
import { badInput } from '../errors/errors';
import { MAX_PAGE } from '../pagination/list';
import { SqlParams } from '../pagination/sql';
import { registerStructuralType } from '../permissions/apply';
import { isAuthenticated, RuleMap } from '../permissions/rules';
import type { RecordKind } from './record-kind';

// Punctuation inside values ("Acme-2024", emails, web addresses) would make the text parser keep
// odd tokens ("-2024", whole emails); turning it into spaces makes every word findable.
const words = (alias: string, cols: string[]) => `translate(${cols.map((c) => `coalesce(${alias}"${c}", '')`).join(` || ' ' || `)}, '-@._/:+', '       ')`;
const vector = (alias: string, cols: string[]) => `to_tsvector('simple', ${words(alias, cols)})`;

/**
 * The search document of a table: migrations create their GIN expression index with exactly this
 * expression (no alias), and queries match against it, so the index is used.
 */
export function searchDocument(columns: string[], alias = ''): string {
  return vector(alias ? `${alias}.` : '', columns);
}

/** Words of the query as prefix terms: "acme ind" → 'acme':* & 'ind':* */
export function toTsQuery(query: string): string | null {
  const terms = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (!terms.length) return null;
  return terms
    .slice(0, 10)
    .map((w) => `'${w}':*`)
    .join(' & ');
}

export interface SearchHitShape {
  score: number;
  node: unknown;
}

interface Built {
  resolvers: Function[];
  rules: RuleMap;
}
let built: { key: string; value: Built } | undefined;

/**
 * `search(query, types, first)` over every searchable record kind: `SearchType`, the
 * `SearchResult` union and the resolver, from the kinds' declarations. Rows are scoped by each
 * kind's policy in the SQL; nodes come through the kinds' scoped loaders.
 */
export function searchFor(kinds: RecordKind[]): Built {
  const searchable = kinds.filter((k) => k.capabilities.search);
  const key = searchable.map((k) => k.typeName).join(',');
  if (built) {
    if (built.key !== key) throw new Error('search was already built over other record types');
    return built.value;
  }
  const byType = new Map(searchable.map((k) => [k.capabilities.search!.type, k]));
  const SearchType: Record<string, string> = Object.fromEntries([...byType.keys()].map((t) => [t, t]));
  registerEnumType(SearchType, { name: 'SearchType', description: 'Record types search covers.' });

  const SearchResult = createUnionType({
    name: 'SearchResult',
    description: 'A record found by search.',
    types: () => searchable.map((k) => k.entity) as never,
    resolveType: (value: object) => searchable.find((k) => value instanceof k.entity)?.typeName,
  });

  @ObjectType({ description: 'A search match with its relevance.' })
  class SearchHit {
    @Field(() => Float, { description: 'Relevance; higher is better.' }) score!: number;
    @Field(() => SearchResult, { description: 'The record.' }) node!: unknown;
  }
  registerStructuralType('SearchHit');

  const listed = searchable.map((k) => k.plural);
  const what = listed.length > 1 ? `${listed.slice(0, -1).join(', ')} and ${listed[listed.length - 1]}` : listed[0];

  async function search(ctx: Context, query: string, types: string[] | null | undefined, first: number | null | undefined): Promise<SearchHitShape[]> {
    const p = requirePrincipal(ctx);
    const limit = first ?? 20;
    if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE) throw badInput(['first'], `first must be between 0 and ${MAX_PAGE}`);
    if (query.length > 200) throw badInput(['query'], 'must be at most 200 characters');
    const tsq = toTsQuery(query);
    if (!tsq) throw badInput(['query'], 'must contain at least one letter or digit');
    const wanted = [...new Set(types?.length ? types : [...byType.keys()])].filter((t) => byType.get(t)!.policy.readScope(p.role) !== 'NONE');
    if (!wanted.length || limit === 0) return [];
    const params = new SqlParams();
    const q = params.add(tsq, 'tsquery');
    const parts = wanted.map((type) => {
      const kind = byType.get(type)!;
      const s = kind.capabilities.search!;
      const rest = s.columns.filter((c) => !s.weighted.includes(c));
      const rank = `setweight(${searchDocument(s.weighted, 't')}, 'A')${rest.length ? ` || ${searchDocument(rest, 't')}` : ''}`;
      const where = [
        `${searchDocument(s.columns, 't')} @@ ${q}`,
        ...(kind.capabilities.trash ? ['t."deletedAt" IS NULL'] : []),
        ...kind.policy.readWhere(p)(params),
      ];
      const table = ctx.ds.getMetadata(kind.entity).tableName;
      return `SELECT '${type}' AS type, t."id", ts_rank(${rank}, ${q}) AS score FROM "${table}" t WHERE ${where.join(' AND ')}`;
    });
    const rows: { type: string; id: string; score: number }[] = await reader(ctx.ds).query(
      `${parts.join(' UNION ALL ')} ORDER BY score DESC, id LIMIT ${limit}`,
      params.values,
    );
    // Nodes come through the scoped loaders: one statement per type.
    const nodes = await Promise.all(rows.map((r) => byType.get(r.type)!.service.get(ctx, r.id)));
    return rows.flatMap((r, i) => (nodes[i] ? [{ score: Number(r.score), node: nodes[i] }] : []));
  }

  @Resolver()
  class SearchResolver {
    @Query(() => [SearchHit], { description: `Full-text search over the ${what} you may see, best first. Words match as prefixes.` })
    search(
      @Arg('query', { description: 'Words to look for; each matches as a prefix.' }) query: string,
      @Arg('types', () => [SearchType], { nullable: true, description: 'Record types to search; default: every type you may read.' }) types: string[] | null,
      @Arg('first', () => Int, { nullable: true, description: 'At most this many hits: 0–100, default 20.' }) first: number | null,
      @Ctx() ctx: Context,
    ): Promise<SearchHitShape[]> {
      return search(ctx, query, types, first);
    }
  }

  // Each role searches only the types it reads (scoped in the SQL above).
  const value = { resolvers: [SearchResolver], rules: { Query: { search: isAuthenticated } } };
  built = { key, value };
  return value;
}
