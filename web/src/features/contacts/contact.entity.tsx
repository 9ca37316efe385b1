import { defineEntity } from '../../app/entity';
import type { ContactSearchHitFragment } from '../../gql/graphql';
import { ContactSearchHitFragmentDoc } from '../../gql/contact-search';

export const entity = defineEntity({
  typeName: 'Contact',
  labels: { noun: 'contact' },
  nav: { order: 30 },
  listRoot: 'contacts',
  nested: [{ on: 'Account', field: 'contacts' }],
  timeline: true,
  search: {
    type: 'CONTACT',
    fragment: ContactSearchHitFragmentDoc,
    label: (c: ContactSearchHitFragment) => `${c.firstName} ${c.lastName}`,
    detail: (c: ContactSearchHitFragment) => `Contact${c.email ? ` · ${c.email}` : ''}`,
  },
  screens: () => import('./contact.screens'),
});
