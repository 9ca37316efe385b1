import { PageHeader } from '../../components/PageHeader';

export function InteractionsPage() {
  return <PageHeader title="InteractionsPage" />;
}
