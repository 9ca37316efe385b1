import { defineEntity } from '../../app/entity';

// Everyone reads the user directory (names of owners and actors); managing users is the admin's.
export const entity = defineEntity({
  typeName: 'User',
  labels: { noun: 'user' },
  path: '/admin/users',
  detailPage: false,
  nav: { order: 100, section: 'admin' },
  access: (caps) => caps.canCreate('User'),
  listRoot: 'users',
  screens: () => import('./user.screens'),
});
