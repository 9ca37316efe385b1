import { PageHeader } from '../../components/PageHeader';

export function DealDetailPage() {
  return <PageHeader title="DealDetailPage" />;
}
