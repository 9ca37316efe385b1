import type { Role } from '../gql/graphql';
import { canRead, type Area } from './roles';

export interface NavItem {
  area: Area;
  label: string;
  to: string;
  section: 'main' | 'admin';
}

// Link names are part of the product's stable accessibility contract (Dashboard, Accounts, ...).
export const NAV_ITEMS: NavItem[] = [
  { area: 'dashboard', label: 'Dashboard', to: '/', section: 'main' },
  { area: 'accounts', label: 'Accounts', to: '/accounts', section: 'main' },
  { area: 'contacts', label: 'Contacts', to: '/contacts', section: 'main' },
  { area: 'deals', label: 'Deals', to: '/deals', section: 'main' },
  { area: 'interactions', label: 'Interactions', to: '/interactions', section: 'main' },
  { area: 'users', label: 'Users', to: '/admin/users', section: 'admin' },
  { area: 'apiKeys', label: 'API keys', to: '/admin/api-keys', section: 'admin' },
];

export function navFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((i) => canRead(role, i.area));
}
