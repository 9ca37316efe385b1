import { PageHeader } from '../../components/PageHeader';

export function DealBoardPage() {
  return <PageHeader title="DealBoardPage" />;
}
