import { defineEntity } from '../../app/entity';

// The API keys screen lists everyone's keys: it is for those who may read them all.
export const entity = defineEntity({
  typeName: 'ApiKey',
  labels: { noun: 'API key' },
  path: '/admin/api-keys',
  detailPage: false,
  nav: { order: 110, section: 'admin' },
  access: (caps) => caps.of('ApiKey').read === 'ALL',
  listRoot: 'apiKeys',
  screens: () => import('./api-key.screens'),
});
