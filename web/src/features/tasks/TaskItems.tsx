import { useCallback } from 'react';
import { useApolloClient } from '@apollo/client/react';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import type { TaskRowFragment } from '../../gql/graphql';
import { SetTaskDoneDocument } from '../../gql/tasks';
import { describeError } from '../../app/errors';
import { useCapabilities } from '../../app/capabilities';
import { useNotify } from '../../components/Notifications';
import { RecordLink } from '../../components/kit/descriptors';
import { forgetLists } from '../../components/kit/forget-lists';
import { dueText, isOverdue, relatedOf } from './task-format';

/**
 * Completes or reopens a task at once (the cache shows it before the server answers, and takes it
 * back if the server refuses); completing offers Undo.
 */
export function useSetTaskDone() {
  const client = useApolloClient();
  const notify = useNotify();
  const set = useCallback(
    async (task: TaskRowFragment, done: boolean, undoable = true): Promise<void> => {
      const optimistic = {
        __typename: 'Mutation' as const,
        updateTask: { ...task, done, completedAt: done ? new Date().toISOString() : null, version: task.version + 1 },
      };
      try {
        await client.mutate({ mutation: SetTaskDoneDocument, variables: { id: task.id, done }, optimisticResponse: optimistic });
      } catch (err) {
        notify(describeError(err).message, { severity: 'error' });
        return;
      }
      // Lists of open tasks and "next task" summaries change with it: they are fetched again.
      forgetLists(client.cache, 'Task');
      if (done && undoable) notify(`“${task.title}” done`, { action: { label: 'Undo', run: () => void set(task, false, false) } });
      else if (!done) notify(`“${task.title}” is open again`);
    },
    [client, notify],
  );
  return set;
}

export function CompleteCheckbox({ task }: { task: TaskRowFragment }) {
  const caps = useCapabilities();
  const setDone = useSetTaskDone();
  return (
    <Checkbox
      edge="start"
      checked={task.done}
      disabled={!caps.canUpdate('Task', task) || !!task.deletedAt}
      onChange={(e) => void setDone(task, e.target.checked)}
      slotProps={{ input: { 'aria-label': task.done ? `Reopen ${task.title}` : `Complete ${task.title}` } }}
    />
  );
}

/** Tasks with a one-click complete box, the due date (overdue ones marked) and what they are about. */
export function TaskList({ tasks, related = true, assignee = true }: { tasks: TaskRowFragment[]; related?: boolean; assignee?: boolean }) {
  return (
    <List dense disablePadding>
      {tasks.map((t) => {
        const about = related ? relatedOf(t) : null;
        return (
          <ListItem key={t.id} disableGutters divider>
            <ListItemIcon sx={{ minWidth: 40 }}>
              <CompleteCheckbox task={t} />
            </ListItemIcon>
            <ListItemText
              primary={
                <RecordLink type="Task" id={t.id}>
                  {t.title}
                </RecordLink>
              }
              secondary={
                <>
                  <Box component="span" sx={{ color: isOverdue(t) ? 'error.main' : undefined, fontWeight: isOverdue(t) ? 600 : undefined }}>
                    {dueText(t)}
                  </Box>
                  {about && (
                    <>
                      {' · '}
                      <RecordLink type={about.type} id={about.id}>
                        {about.label}
                      </RecordLink>
                    </>
                  )}
                  {assignee && t.assignee && ` · for ${t.assignee.name}`}
                </>
              }
            />
          </ListItem>
        );
      })}
    </List>
  );
}
