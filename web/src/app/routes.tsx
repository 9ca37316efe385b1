import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import Alert from '@mui/material/Alert';
import { AppShell } from './AppShell';
import { useCurrentUser } from './current-user';
import { canRead, type Area } from './roles';
import { LoadingState } from '../components/States';

// One chunk per area: the first screen loads only the shell and what it shows.
const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const AccountsPage = lazy(() => import('../features/accounts/AccountsPage').then((m) => ({ default: m.AccountsPage })));
const AccountDetailPage = lazy(() => import('../features/accounts/AccountDetailPage').then((m) => ({ default: m.AccountDetailPage })));
const ContactsPage = lazy(() => import('../features/contacts/ContactsPage').then((m) => ({ default: m.ContactsPage })));
const ContactDetailPage = lazy(() => import('../features/contacts/ContactDetailPage').then((m) => ({ default: m.ContactDetailPage })));
const DealsPage = lazy(() => import('../features/deals/DealsPage').then((m) => ({ default: m.DealsPage })));
const DealBoardPage = lazy(() => import('../features/deals/DealBoardPage').then((m) => ({ default: m.DealBoardPage })));
const DealDetailPage = lazy(() => import('../features/deals/DealDetailPage').then((m) => ({ default: m.DealDetailPage })));
const InteractionsPage = lazy(() => import('../features/interactions/InteractionsPage').then((m) => ({ default: m.InteractionsPage })));
const InteractionDetailPage = lazy(() => import('../features/interactions/InteractionDetailPage').then((m) => ({ default: m.InteractionDetailPage })));
const UsersPage = lazy(() => import('../features/admin/UsersPage').then((m) => ({ default: m.UsersPage })));
const ApiKeysPage = lazy(() => import('../features/admin/ApiKeysPage').then((m) => ({ default: m.ApiKeysPage })));

/** A page of an area the role may not open shows a notice instead (the server refuses the data anyway). */
function Guard({ area, children }: { area: Area; children: ReactNode }) {
  const me = useCurrentUser();
  if (!canRead(me.role, area)) {
    return (
      <Alert severity="warning" role="alert">
        You do not have access to this page.
      </Alert>
    );
  }
  return <Suspense fallback={<LoadingState />}>{children}</Suspense>;
}

function NotFound() {
  return <Alert severity="info">This page does not exist.</Alert>;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppShell />}>
        <Route index element={<Guard area="dashboard"><DashboardPage /></Guard>} />
        <Route path="accounts" element={<Guard area="accounts"><AccountsPage /></Guard>} />
        <Route path="accounts/:id" element={<Guard area="accounts"><AccountDetailPage /></Guard>} />
        <Route path="contacts" element={<Guard area="contacts"><ContactsPage /></Guard>} />
        <Route path="contacts/:id" element={<Guard area="contacts"><ContactDetailPage /></Guard>} />
        <Route path="deals" element={<Guard area="deals"><DealsPage /></Guard>} />
        <Route path="deals/board" element={<Guard area="deals"><DealBoardPage /></Guard>} />
        <Route path="deals/:id" element={<Guard area="deals"><DealDetailPage /></Guard>} />
        <Route path="interactions" element={<Guard area="interactions"><InteractionsPage /></Guard>} />
        <Route path="interactions/:id" element={<Guard area="interactions"><InteractionDetailPage /></Guard>} />
        <Route path="admin/users" element={<Guard area="users"><UsersPage /></Guard>} />
        <Route path="admin/api-keys" element={<Guard area="apiKeys"><ApiKeysPage /></Guard>} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
