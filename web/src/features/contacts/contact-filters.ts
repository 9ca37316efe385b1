import type { ContactFilter } from '../../gql/graphql';

/** Each typed word must appear in the first name, last name or email ("ada love" finds Ada Lovelace). */
export function contactTextFilter(query: string): ContactFilter {
  const words = query.trim().split(/\s+/).filter(Boolean);
  const anyField = (w: string): ContactFilter => ({ or: [{ firstName: { contains: w } }, { lastName: { contains: w } }, { email: { contains: w } }] });
  if (words.length === 0) return {};
  if (words.length === 1) return anyField(words[0]);
  return { and: words.map(anyField) };
}

/** The contacts list's filter: the text, and the trash when asked. */
export function contactFilter(query: string, trash: boolean): ContactFilter {
  const filter = contactTextFilter(query);
  if (trash) filter.deletedAt = { isNull: false };
  return filter;
}

export function contactName(c: { firstName: string; lastName: string }): string {
  return `${c.firstName} ${c.lastName}`;
}
