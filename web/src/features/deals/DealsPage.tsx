import { PageHeader } from '../../components/PageHeader';

export function DealsPage() {
  return <PageHeader title="DealsPage" />;
}
