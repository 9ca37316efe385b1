import { useCallback, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { TasksDocument } from '../../gql/tasks';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { EntityFormDialog } from '../../components/kit/EntityFormDialog';
import { useLoadMore } from '../../components/kit/list-controls';
import { ListFooter } from '../../components/kit/ListTable';
import { useKitContext } from '../../components/kit/useKitContext';
import { usePageTitle } from '../../components/kit/usePageTitle';
import { DUE_FIRST, isOverdue } from './task-format';
import { TaskList } from './TaskItems';
import { mineFilter, screens } from './task.screens';

export const MY_TASKS_PAGE = 50;

/** The open tasks I own or am assigned, overdue first, each completed with one click. */
export function MyTasksPage() {
  const ctx = useKitContext('Task');
  usePageTitle('My tasks');
  const [adding, setAdding] = useState(false);
  const filter = { done: { eq: false }, ...mineFilter(ctx.me.id) };
  const { data, loading, error, refetch, observable } = useQuery(TasksDocument, { variables: { filter, first: MY_TASKS_PAGE, orderBy: DUE_FIRST } });
  const conn = data?.tasks;
  const pageInfoNow = useCallback(() => observable.getCurrentResult().data?.tasks?.pageInfo, [observable]);
  const paging = useLoadMore(conn?.pageInfo, observable, pageInfoNow);
  // A task just completed leaves at once (the cache knows before the list is fetched again).
  const tasks = (conn?.edges.map((e) => e.node) ?? []).filter((t) => !t.done);
  const overdue = tasks.filter((t) => isOverdue(t));
  const later = tasks.filter((t) => !isOverdue(t));

  let body;
  if (error && !data) body = <ErrorState error={error} onRetry={() => void refetch()} />;
  else if (loading && !data) body = <LoadingState />;
  else if (tasks.length === 0) body = <EmptyState title="Nothing to do.">No open tasks are yours or assigned to you.</EmptyState>;
  else {
    body = (
      <>
        {overdue.length > 0 && (
          <Box component="section" aria-labelledby="tasks-overdue" sx={{ px: 2, pt: 1 }}>
            <Typography id="tasks-overdue" component="h2" variant="subtitle1" sx={{ color: 'error.main', fontWeight: 600 }}>
              Overdue ({overdue.length})
            </Typography>
            <TaskList tasks={overdue} />
          </Box>
        )}
        {later.length > 0 && (
          <Box component="section" aria-labelledby="tasks-later" sx={{ px: 2, pt: 1 }}>
            <Typography id="tasks-later" component="h2" variant="subtitle1" sx={{ fontWeight: 600 }}>
              Coming up ({later.length})
            </Typography>
            <TaskList tasks={later} />
          </Box>
        )}
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="My tasks"
        subtitle="Open tasks you own or are assigned, overdue first."
        actions={
          ctx.caps.canCreate('Task') && (
            <Button variant="contained" onClick={() => setAdding(true)}>
              New task
            </Button>
          )
        }
      />
      <Paper variant="outlined">
        {body}
        {conn && <ListFooter shown={tasks.length} totalCount={conn.totalCount} {...paging} />}
      </Paper>
      <EntityFormDialog typeName="Task" screens={screens} open={adding} onClose={() => setAdding(false)} onSaved={() => setAdding(false)} />
    </>
  );
}
