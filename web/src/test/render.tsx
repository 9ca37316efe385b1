import type { ReactElement, ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { InMemoryCache } from '@apollo/client';
import { render } from '@testing-library/react';
import { AppThemeProvider } from '../app/theme';
import { StaticUserProvider } from '../app/current-user';
import { NotificationsProvider } from '../components/Notifications';
import { cachePolicies } from '../app/cache-policies';
import type { MeQuery, Role } from '../gql/graphql';

export type TestUser = MeQuery['me'];

export function testUser(role: Role, overrides: Partial<TestUser> = {}): TestUser {
  return { __typename: 'User', id: `user-${role.toLowerCase()}`, name: `Test ${role.toLowerCase()}`, email: `${role.toLowerCase()}@example.com`, role, ...overrides };
}

interface Options {
  mocks?: MockLink.MockedResponse[];
  role?: Role;
  user?: TestUser;
  /** Initial URL, e.g. "/accounts?sort=NAME&dir=ASC". */
  url?: string;
  /** Route pattern the element is mounted at, e.g. "/accounts/:id". */
  path?: string;
  extraRoutes?: ReactNode;
}

/** Renders a screen as a signed-in user of a role, with mocked API responses and a router. */
export function renderScreen(ui: ReactElement, o: Options = {}) {
  const user = o.user ?? testUser(o.role ?? 'SALES_MANAGER');
  const cache = new InMemoryCache({ typePolicies: cachePolicies });
  return render(
    <AppThemeProvider>
      <MockedProvider mocks={o.mocks ?? []} cache={cache}>
        <MemoryRouter initialEntries={[o.url ?? '/']}>
          <StaticUserProvider user={user}>
            <NotificationsProvider>
              <Routes>
                <Route path={o.path ?? '*'} element={ui} />
                {o.extraRoutes}
              </Routes>
            </NotificationsProvider>
          </StaticUserProvider>
        </MemoryRouter>
      </MockedProvider>
    </AppThemeProvider>,
  );
}
