import { defineEntity } from '../../app/entity';
import type { DealSearchHitFragment } from '../../gql/graphql';
import { DealSearchHitFragmentDoc } from '../../gql/deal-search';

export const entity = defineEntity({
  typeName: 'Deal',
  labels: { noun: 'deal' },
  nav: { order: 40 },
  listRoot: 'deals',
  nested: [{ on: 'Account', field: 'deals' }],
  affects: [{ on: 'Query', field: 'dealStats' }],
  timeline: true,
  search: {
    type: 'DEAL',
    fragment: DealSearchHitFragmentDoc,
    label: (d: DealSearchHitFragment) => d.name,
    detail: (d: DealSearchHitFragment) => `Deal · ${d.stage.replace(/_/g, ' ').toLowerCase()}`,
  },
  screens: () => import('./deal.screens'),
  pages: [{ path: 'deals/board', load: () => import('./DealBoardPage').then((m) => ({ default: m.DealBoardPage })) }],
});
