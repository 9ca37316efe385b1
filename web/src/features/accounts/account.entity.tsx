import { defineEntity } from '../../app/entity';
import type { AccountSearchHitFragment } from '../../gql/graphql';
import { AccountSearchHitFragmentDoc } from '../../gql/account-search';

export const entity = defineEntity({
  typeName: 'Account',
  labels: { noun: 'account' },
  nav: { order: 20 },
  listRoot: 'accounts',
  timeline: true,
  search: {
    type: 'ACCOUNT',
    fragment: AccountSearchHitFragmentDoc,
    label: (a: AccountSearchHitFragment) => a.name,
    detail: (a: AccountSearchHitFragment) => `Account${a.industry ? ` · ${a.industry}` : ''}`,
  },
  screens: () => import('./account.screens'),
});
