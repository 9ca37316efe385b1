import { PageHeader } from '../../components/PageHeader';

export function ContactDetailPage() {
  return <PageHeader title="ContactDetailPage" />;
}
