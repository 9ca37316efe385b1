import { render, screen, within } from '@testing-library/react';
import { ApolloClient, InMemoryCache } from '@apollo/client';
import { MockLink } from '@apollo/client/testing';
import { MemoryRouter } from 'react-router';
import type { Role } from '../gql/graphql';
import { testUser } from '../test/render';
import { AppShell } from './AppShell';
import { StaticUserProvider } from './current-user';
import { SessionProvider } from './session';
import { AppThemeProvider } from './theme';

function renderShell(role: Role) {
  const client = new ApolloClient({ link: new MockLink([]), cache: new InMemoryCache() });
  render(
    <AppThemeProvider>
      <SessionProvider client={client}>
        <MemoryRouter>
          <StaticUserProvider user={testUser(role, { name: 'Pat Person' })}>
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

describe('role-aware navigation', () => {
  it.each<[Role, string[]]>([
    ['ADMIN', ['Dashboard', 'Accounts', 'Contacts', 'Deals', 'Interactions', 'Users', 'API keys']],
    ['SALES_MANAGER', ['Dashboard', 'Accounts', 'Contacts', 'Deals', 'Interactions']],
    ['SALES_REP', ['Dashboard', 'Accounts', 'Contacts', 'Deals', 'Interactions']],
    ['ACCOUNTANT', ['Dashboard', 'Accounts', 'Contacts', 'Deals']],
    ['DISPATCHER', ['Dashboard', 'Accounts', 'Contacts']],
    ['TECHNICIAN', ['Dashboard']],
  ])('%s sees exactly its areas', (role, links) => {
    expect(renderShell(role)).toEqual(links);
  });

  it('shows the user name and role, a Sign out control and the activity feed region', () => {
    renderShell('SALES_REP');
    expect(screen.getByText('Pat Person')).toBeInTheDocument();
    expect(screen.getByText('Sales rep')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Activity feed' })).toBeInTheDocument();
  });
});
