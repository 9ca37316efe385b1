import { PageHeader } from '../../components/PageHeader';

export function InteractionDetailPage() {
  return <PageHeader title="InteractionDetailPage" />;
}
