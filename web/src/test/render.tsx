import { Suspense, type ReactElement, type ReactNode } from 'react';
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
import { kitPage } from '../app/routes';
import { entities, entityOf, loadScreens } from '../app/registry';
import { EntityFormDialog, type EntityFormDialogProps } from '../components/kit/EntityFormDialog';
import { capabilitiesFor } from './capabilities';

export type TestUser = MeQuery['me'];

// Every type's descriptors, loaded before the tests as the app loads them with a type's first route
// (a form's pickers then have their search descriptors at hand).
beforeAll(() => Promise.all(entities.map((e) => loadScreens(e.typeName))));

export function testUser(role: Role, overrides: Partial<TestUser> = {}): TestUser {
  return {
    __typename: 'User',
    id: `user-${role.toLowerCase()}`,
    name: `Test ${role.toLowerCase()}`,
    email: `${role.toLowerCase()}@example.com`,
    role,
    capabilities: capabilitiesFor(role),
    ...overrides,
  };
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
  /** Rendered inside the router beside the routes (e.g. something showing the location). */
  beside?: ReactNode;
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
              {o.beside}
            </NotificationsProvider>
          </StaticUserProvider>
        </MemoryRouter>
      </MockedProvider>
    </AppThemeProvider>,
  );
}

/** An entity type's list or detail page, as its route shows it (descriptors and extensions loaded). */
export function renderEntityPage(typeName: string, kind: 'list' | 'detail', o: Options = {}) {
  const entry = entityOf(typeName)!;
  const Page = kitPage(entry, kind);
  return renderScreen(
    <Suspense fallback={<p>Loading the page…</p>}>
      <Page />
    </Suspense>,
    { path: kind === 'detail' ? `${entry.path}/:id` : entry.path, url: entry.path, ...o },
  );
}

/** A type's create/edit dialog, open. */
export async function renderEntityForm(typeName: string, props: Partial<EntityFormDialogProps>, o: Options = {}) {
  const screens = await loadScreens(typeName);
  return renderScreen(<EntityFormDialog typeName={typeName} screens={screens} open onClose={() => undefined} onSaved={() => undefined} {...props} />, o);
}
