import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApolloClient, InMemoryCache } from '@apollo/client';
import { MockLink } from '@apollo/client/testing';
import { MemoryRouter } from 'react-router';
import type { Role } from '../gql/graphql';
import { testUser, type TestUser } from '../test/render';
import { capabilitiesFor } from '../test/capabilities';
import { AppShell } from './AppShell';
import { StaticUserProvider } from './current-user';
import { SessionProvider } from './session';
import { AppThemeProvider } from './theme';

function renderShell(role: Role, overrides: Partial<TestUser> = {}) {
  const client = new ApolloClient({ link: new MockLink([]), cache: new InMemoryCache() });
  render(
    <AppThemeProvider>
      <SessionProvider client={client}>
        <MemoryRouter>
          <StaticUserProvider user={testUser(role, { name: 'Pat Person', ...overrides })}>
            <AppShell>
              <p>content</p>
            </AppShell>
          </StaticUserProvider>
        </MemoryRouter>
      </SessionProvider>
    </AppThemeProvider>,
  );
  return within(screen.getByRole('navigation', { name: 'Main navigation' }))
    .getAllByRole('link')
    .map((a) => a.textContent);
}

describe('capability-driven navigation', () => {
  it.each<[Role, string[]]>([
    [
      'ADMIN',
      [
        'Dashboard',
        'My tasks',
        'Accounts',
        'Contacts',
        'Deals',
        'Interactions',
        'Tasks',
        'Chart of accounts',
        'Journal',
        'Work orders',
        'Invoices',
        'Payments',
        'Expenses',
        'Reports',
        'Users',
        'API keys',
      ],
    ],
    [
      'SALES_MANAGER',
      [
        'Dashboard',
        'My tasks',
        'Accounts',
        'Contacts',
        'Deals',
        'Interactions',
        'Tasks',
        'Chart of accounts',
        'Journal',
        'Work orders',
        'Invoices',
        'Payments',
        'Expenses',
        'Reports',
      ],
    ],
    ['SALES_REP', ['Dashboard', 'My tasks', 'Accounts', 'Contacts', 'Deals', 'Interactions', 'Tasks']],
    [
      'ACCOUNTANT',
      ['Dashboard', 'Accounts', 'Contacts', 'Deals', 'Chart of accounts', 'Journal', 'Work orders', 'Invoices', 'Payments', 'Expenses', 'Reports'],
    ],
    ['DISPATCHER', ['Dashboard', 'Accounts', 'Contacts', 'Work orders']],
    ['TECHNICIAN', ['Dashboard']],
  ])('%s sees exactly the areas its capabilities open', (role, links) => {
    expect(renderShell(role)).toEqual(links);
  });

  it('follows what the server says the user may do, not the name of the role', () => {
    // A sales rep whose capabilities open nothing (as a technician's) sees only the dashboard...
    expect(renderShell('SALES_REP', { capabilities: capabilitiesFor('TECHNICIAN') })).toEqual(['Dashboard']);
  });

  it('shows the admin screens only to those who may manage users and read every key', () => {
    const manager = capabilitiesFor('SALES_MANAGER');
    // ...and one who may create users but reads only their own keys gets Users without API keys.
    const withUsers = manager.map((c) => (c.entityType === 'User' ? { ...c, create: true } : c));
    const links = renderShell('SALES_MANAGER', { capabilities: withUsers });
    expect(links).toContain('Users');
    expect(links).not.toContain('API keys');
  });

  it('shows the user name and role, a Sign out control and the activity feed region', () => {
    renderShell('SALES_REP');
    expect(screen.getByText('Pat Person')).toBeInTheDocument();
    expect(screen.getByText('Sales rep')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Activity feed' })).toBeInTheDocument();
  });

  it('folds the docked activity feed away and remembers it on this device', async () => {
    renderShell('SALES_REP');
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: 'Hide activity feed' }));
    expect(screen.queryByRole('region', { name: 'Activity feed' })).not.toBeInTheDocument();
    expect(window.localStorage.getItem('converge.feedFolded')).toBe('1');
    await user.click(screen.getByRole('button', { name: 'Show activity feed' }));
    expect(screen.getByRole('region', { name: 'Activity feed' })).toBeInTheDocument();
  });
});
