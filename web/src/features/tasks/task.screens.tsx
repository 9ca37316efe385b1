import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { TaskDetailQuery, TaskRowFragment } from '../../gql/graphql';
import { CreateTaskDocument, DeleteTaskDocument, RestoreTaskDocument, TaskDetailDocument, TasksDocument, UpdateTaskDocument } from '../../gql/tasks';
import { useCapabilities } from '../../app/capabilities';
import { TextSection } from '../../components/kit/DetailFields';
import { option, ownerColumn, ownerField, RecordLink, selfIfHolder, timelineOf, trashFilter } from '../../components/kit/descriptors';
import { formatDate, formatDateTime, toLocalInput } from '../../components/kit/format';
import type { EntityScreens, PickerOption } from '../../components/kit/types';
import { CompleteCheckbox, useSetTaskDone } from './TaskItems';
import { dueText, isOverdue, relatedOf } from './task-format';

type Detail = NonNullable<TaskDetailQuery['task']>;

/** Tasks I own or am assigned. */
export const mineFilter = (meId: string) => ({ or: [{ owner: { id: { eq: meId } } }, { assignee: { id: { eq: meId } } }] });

const accountOf = (values: Record<string, unknown>) => values.account as PickerOption | null;
const ofAccount = (values: Record<string, unknown>) => {
  const account = accountOf(values);
  return account ? { account: { id: { eq: account.id } } } : undefined;
};

function Related({ task }: { task: TaskRowFragment }) {
  const about = relatedOf(task);
  return about ? (
    <RecordLink type={about.type} id={about.id}>
      {about.label}
    </RecordLink>
  ) : (
    <>—</>
  );
}

/** "Mark done" / "Reopen" on the task's page. */
function useDoneAction(task: Detail | null) {
  const caps = useCapabilities();
  const setDone = useSetTaskDone();
  if (!task || task.deletedAt || !caps.canUpdate('Task', task)) return {};
  return {
    actions: (
      <Button variant={task.done ? 'outlined' : 'contained'} onClick={() => void setDone(task, !task.done)}>
        {task.done ? 'Reopen' : 'Mark done'}
      </Button>
    ),
  };
}

export const screens: EntityScreens = {
  list: {
    query: TasksDocument,
    defaultSort: { field: 'DUE_AT', direction: 'ASC' },
    sorts: { DUE_AT: 'Due', TITLE: 'Title', COMPLETED_AT: 'Completed', CREATED_AT: 'Created', UPDATED_AT: 'Last changed' },
    filters: [
      { kind: 'text', label: 'Filter tasks', toFilter: (q) => ({ title: { contains: q } }) },
      { kind: 'mine', toFilter: mineFilter },
      { kind: 'boolean', key: 'status', label: 'Status', field: 'done', yes: { value: 'done', label: 'Done' }, no: { value: 'open', label: 'Open' } },
      { kind: 'dateRange', key: 'due', label: 'Due', field: 'dueAt', instant: true },
      { kind: 'relation', key: 'account', label: 'Account', field: 'account', describe: (t: TaskRowFragment) => t.account?.name },
      {
        kind: 'relation',
        key: 'contact',
        label: 'Contact',
        field: 'contact',
        describe: (t: TaskRowFragment) => (t.contact ? `${t.contact.firstName} ${t.contact.lastName}` : undefined),
      },
      { kind: 'relation', key: 'deal', label: 'Deal', field: 'deal', describe: (t: TaskRowFragment) => t.deal?.name },
      trashFilter,
    ],
    columns: [
      { id: 'done', label: 'Done', render: (t: TaskRowFragment) => <CompleteCheckbox task={t} /> },
      { id: 'title', label: 'Title', sortField: 'TITLE', primary: true, render: (t: TaskRowFragment) => t.title },
      {
        id: 'due',
        label: 'Due',
        sortField: 'DUE_AT',
        render: (t: TaskRowFragment) => (
          <Typography variant="body2" component="span" sx={{ color: isOverdue(t) ? 'error.main' : undefined }}>
            {t.dueAt ? `${isOverdue(t) ? 'Overdue · ' : ''}${formatDateTime(t.dueAt)}` : '—'}
          </Typography>
        ),
      },
      { id: 'about', label: 'About', render: (t: TaskRowFragment) => <Related task={t} />, hideBelow: 'sm' },
      { id: 'assignee', label: 'Assignee', render: (t: TaskRowFragment) => t.assignee?.name ?? '—', hideBelow: 'md' },
      ownerColumn,
    ],
    rowLabel: (t) => t.title,
  },
  detail: {
    query: TaskDetailDocument,
    title: (t) => t.title,
    subtitle: (t) => (t.done ? `Done · ${formatDateTime(t.completedAt)}` : dueText(t as Detail)),
    notFound: 'Task not found',
    fields: (rec) => {
      const t = rec as Detail;
      return [
        { label: 'Status', value: t.done ? 'Done' : isOverdue(t) ? 'Overdue' : 'Open' },
        { label: 'Due', value: formatDateTime(t.dueAt) },
        ...(t.done ? [{ label: 'Completed', value: formatDateTime(t.completedAt) }] : []),
        { label: 'Assignee', value: t.assignee?.name ?? 'Nobody' },
        {
          label: 'Account',
          value: t.account ? (
            <RecordLink type="Account" id={t.account.id}>
              {t.account.name}
            </RecordLink>
          ) : null,
        },
        {
          label: 'Contact',
          value: t.contact ? <RecordLink type="Contact" id={t.contact.id}>{`${t.contact.firstName} ${t.contact.lastName}`}</RecordLink> : null,
        },
        {
          label: 'Deal',
          value: t.deal ? (
            <RecordLink type="Deal" id={t.deal.id}>
              {t.deal.name}
            </RecordLink>
          ) : null,
        },
        { label: 'Owner', value: t.owner.name },
        { label: 'Created', value: formatDate(t.createdAt) },
      ];
    },
    sections: (t) => [{ id: 'notes', node: <TextSection title="Notes" text={t.notes} empty="No notes." /> }],
    timeline: (t) => timelineOf(t as Detail),
    useExtras: (t) => useDoneAction(t as Detail | null),
  },
  form: {
    titles: { create: 'New task', edit: (t) => `Edit ${t.title}`, submit: 'Create task' },
    // Mirrors CreateTaskInput / UpdateTaskInput on the server.
    fields: [
      { kind: 'text', name: 'title', label: 'Title', required: true, min: 1, max: 200, autoFocus: true },
      // Sent only when changed: the input has minutes, the stored time may have seconds.
      { kind: 'datetime', name: 'dueAt', label: 'Due', half: true, onlyChanged: true, from: (t) => (t.dueAt ? toLocalInput(t.dueAt) : '') },
      {
        kind: 'user',
        name: 'assignee',
        label: 'Assignee',
        half: true,
        from: (t) => option(t.assignee),
        // A new task is the author's to do, when they can hold tasks.
        initial: (ctx) => selfIfHolder(ctx, 'Task'),
      },
      {
        kind: 'record',
        entity: 'Account',
        name: 'account',
        label: 'Account',
        half: true,
        from: (t) => option(t.account),
        onChange: (next, previous, form) => {
          if ((next as PickerOption | null)?.id === (previous as PickerOption | null)?.id || !next) return;
          // A contact or deal of another account does not fit.
          form.set('contact', null);
          form.set('deal', null);
        },
      },
      {
        kind: 'record',
        entity: 'Contact',
        name: 'contact',
        label: 'Contact',
        half: true,
        from: (t) => (t.contact ? { id: t.contact.id, label: `${t.contact.firstName} ${t.contact.lastName}` } : null),
        filter: ofAccount,
      },
      { kind: 'record', entity: 'Deal', name: 'deal', label: 'Deal', half: true, from: (t) => option(t.deal), filter: ofAccount },
      { kind: 'multiline', name: 'notes', label: 'Notes', max: 20000, rows: 3 },
      ownerField('Task'),
    ],
  },
  documents: { create: CreateTaskDocument, update: UpdateTaskDocument, delete: DeleteTaskDocument, restore: RestoreTaskDocument },
};
