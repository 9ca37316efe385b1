import type { Context } from '../../kernel/context';
import { requirePrincipal } from '../../kernel/context';
import { reader } from '../../kernel/data/reader';
import { badInput } from '../../kernel/errors/errors';
import { MAX_PAGE } from '../../kernel/pagination/list';
import { SqlParams } from '../../kernel/pagination/sql';
import { Role } from '../system/user.entity';
import { accountService } from './account.service';
import { contactService } from './contact.service';
import { CrmArea, crmReaders, readScope } from './crm.scope';
import { dealService } from './deal.service';

export enum SearchType {
  ACCOUNT = 'ACCOUNT',
  CONTACT = 'CONTACT',
  DEAL = 'DEAL',
}

// Punctuation inside values ("Acme-2024", emails, web addresses) would make the text parser keep
// odd tokens ("-2024", whole emails); turning it into spaces makes every word findable.
const words = (...cols: string[]) => `translate(${cols.map((c) => `coalesce(t."${c}", '')`).join(` || ' ' || `)}, '-@._/:+', '       ')`;
const vector = (...cols: string[]) => `to_tsvector('simple', ${words(...cols)})`;

// `doc` matches the GIN expression indexes of the migrations exactly; `rank` is the same text
// with names weighted A, so a name match scores above one in a lesser field.
const TARGETS: Record<SearchType, { table: string; area: CrmArea; doc: string; rank: string; service: { get(ctx: Context, id: string): Promise<unknown> } }> = {
  [SearchType.ACCOUNT]: {
    table: 'accounts', area: 'accounts', service: accountService,
    doc: vector('name', 'industry', 'email', 'website'),
    rank: `setweight(${vector('name')}, 'A') || ${vector('industry', 'email', 'website')}`,
  },
  [SearchType.CONTACT]: {
    table: 'contacts', area: 'contacts', service: contactService,
    doc: vector('firstName', 'lastName', 'email', 'title'),
    rank: `setweight(${vector('firstName', 'lastName')}, 'A') || ${vector('email', 'title')}`,
  },
  [SearchType.DEAL]: {
    table: 'deals', area: 'deals', service: dealService,
    doc: vector('name'),
    rank: `setweight(${vector('name')}, 'A')`,
  },
};

/** Words of the query as prefix terms: "acme ind" → 'acme':* & 'ind':* */
export function toTsQuery(query: string): string | null {
  const words = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (!words.length) return null;
  return words.slice(0, 10).map((w) => `'${w}':*`).join(' & ');
}

export interface SearchHitShape {
  score: number;
  node: unknown;
}

export class SearchService {
  async search(ctx: Context, query: string, types: SearchType[] | null | undefined, first: number | null | undefined): Promise<SearchHitShape[]> {
    const p = requirePrincipal(ctx);
    const limit = first ?? 20;
    if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE) throw badInput(['first'], `first must be between 0 and ${MAX_PAGE}`);
    if (query.length > 200) throw badInput(['query'], 'must be at most 200 characters');
    const tsq = toTsQuery(query);
    if (!tsq) throw badInput(['query'], 'must contain at least one letter or digit');
    const wanted = [...new Set(types?.length ? types : Object.values(SearchType))].filter((t) => crmReaders(TARGETS[t].area).includes(p.role as Role));
    if (!wanted.length || limit === 0) return [];
    const params = new SqlParams();
    const q = params.add(tsq, 'tsquery');
    const parts = wanted.map((type) => {
      const t = TARGETS[type];
      const scope = readScope(p, t.area)(params);
      const where = [`${t.doc} @@ ${q}`, 't."deletedAt" IS NULL', ...scope].join(' AND ');
      return `SELECT '${type}' AS type, t."id", ts_rank(${t.rank}, ${q}) AS score FROM "${t.table}" t WHERE ${where}`;
    });
    const rows: { type: SearchType; id: string; score: number }[] = await reader(ctx.ds).query(
      `${parts.join(' UNION ALL ')} ORDER BY score DESC, id LIMIT ${limit}`,
      params.values,
    );
    // Nodes come through the scoped loaders: one statement per type.
    const nodes = await Promise.all(rows.map((r) => TARGETS[r.type].service.get(ctx, r.id)));
    return rows.flatMap((r, i) => (nodes[i] ? [{ score: Number(r.score), node: nodes[i] }] : []));
  }
}

export const searchService = new SearchService();
