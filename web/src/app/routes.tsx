import { Suspense, type ComponentType, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import Alert from '@mui/material/Alert';
import { AppShell } from './AppShell';
import { useCapabilities, type Capabilities } from './capabilities';
import type { EntityEntry } from './entity';
import { canOpenEntity, canOpenPage } from './navigation';
import { entities } from './registry';
import { Loaded } from './loader';
import { dashboardModule, kitModules, pageModule } from './route-modules';
import { LoadingState } from '../components/States';
import { usePageTitle } from '../components/kit/usePageTitle';

// One chunk per screen: the first visit loads the shell and what it shows; the kit's pages load
// with the first list or record opened, each type's descriptors with its own routes.
function DashboardPage() {
  return <Loaded source={dashboardModule}>{(m) => <m.DashboardPage />}</Loaded>;
}

const kitPages = new Map<string, ComponentType>();

/** The kit's list or detail page for an entry, with its descriptors and other types' extensions. */
export function kitPage(entry: EntityEntry, kind: 'list' | 'detail'): ComponentType {
  const key = `${entry.typeName}:${kind}`;
  let page = kitPages.get(key);
  if (!page) {
    page = function KitPage() {
      return (
        <Loaded source={kitModules(entry)}>
          {({ kit, screens, extensions }) => {
            const Page = kind === 'list' ? kit.EntityListPage : kit.EntityDetailPage;
            return <Page entry={entry} screens={screens} extensions={extensions} />;
          }}
        </Loaded>
      );
    };
    kitPages.set(key, page);
  }
  return page;
}

/** A page the user may not open shows a notice instead (the server refuses the data anyway). */
function Guard({ allowed, children }: { allowed(caps: Capabilities): boolean; children: ReactNode }) {
  const caps = useCapabilities();
  if (!allowed(caps)) {
    return (
      <Alert severity="warning" role="alert">
        You do not have access to this page.
      </Alert>
    );
  }
  return <Suspense fallback={<LoadingState />}>{children}</Suspense>;
}

function NotFound() {
  usePageTitle('Not found');
  return <Alert severity="info">This page does not exist.</Alert>;
}

function entityRoutes(e: EntityEntry): ReactNode[] {
  const allowed = (caps: Capabilities) => canOpenEntity(e, caps);
  const routes: ReactNode[] = [];
  if (e.path && e.screens) {
    const List = kitPage(e, 'list');
    routes.push(
      <Route
        key={`${e.typeName}-list`}
        path={e.path.slice(1)}
        element={
          <Guard allowed={allowed}>
            <List />
          </Guard>
        }
      />,
    );
    if (e.detailPage !== false) {
      const Detail = kitPage(e, 'detail');
      routes.push(
        <Route
          key={`${e.typeName}-detail`}
          path={`${e.path.slice(1)}/:id`}
          element={
            <Guard allowed={allowed}>
              <Detail />
            </Guard>
          }
        />,
      );
    }
  }
  for (const p of e.pages ?? []) {
    const Page = () => <Loaded source={pageModule(p)}>{(m) => <m.default />}</Loaded>;
    routes.push(
      <Route
        key={p.path}
        path={p.path}
        element={
          <Guard allowed={(caps) => canOpenPage(e, p, caps)}>
            <Page />
          </Guard>
        }
      />,
    );
  }
  return routes;
}

const ROUTES = entities.flatMap(entityRoutes);

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppShell />}>
        <Route
          index
          element={
            <Guard allowed={() => true}>
              <DashboardPage />
            </Guard>
          }
        />
        {ROUTES}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
