import { PageHeader } from '../../components/PageHeader';

export function ApiKeysPage() {
  return <PageHeader title="ApiKeysPage" />;
}
