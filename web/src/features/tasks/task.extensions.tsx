import { useEffect, useState, type ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { useApolloClient, useQuery } from '@apollo/client/react';
import type { TypedDocumentNode } from '@apollo/client';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import type { NextTaskFragment } from '../../gql/graphql';
import { ContactNextTasksDocument, DealNextTasksDocument, TasksDocument } from '../../gql/tasks';
import { Section } from '../../components/kit/DetailFields';
import { RecordLink } from '../../components/kit/descriptors';
import { EntityFormDialog } from '../../components/kit/EntityFormDialog';
import { formatDate } from '../../components/kit/format';
import { EmptyLine, QueryState } from '../../components/States';
import type { AnyRecord, EntityExtensions, ExtensionColumn, ExtensionProps } from '../../components/kit/types';
import { DUE_FIRST, isOverdue } from './task-format';
import { TaskList } from './TaskItems';
import { screens } from './task.screens';

const SHOWN = 20;
const FIELD: Record<string, 'account' | 'contact' | 'deal'> = { Account: 'account', Contact: 'contact', Deal: 'deal' };

/** A new task from a record's page is about that record (and its account). */
function presetsFor(typeName: string, r: AnyRecord): Record<string, unknown> {
  if (typeName === 'Account') return { account: { id: r.id, label: r.name } };
  const account = r.account ? { id: r.account.id, label: r.account.name } : null;
  if (typeName === 'Contact') return { contact: { id: r.id, label: `${r.firstName} ${r.lastName}` }, account };
  return { deal: { id: r.id, label: r.name }, account };
}

/** The open tasks about a record, earliest due first, with "Add task". */
function TasksSection({ record, typeName, ctx }: ExtensionProps) {
  const [adding, setAdding] = useState(false);
  const field = FIELD[typeName];
  const filter = { [field]: { id: { eq: record.id } }, done: { eq: false } };
  const { data, loading, error, refetch } = useQuery(TasksDocument, { variables: { filter, first: SHOWN, orderBy: DUE_FIRST } });
  const conn = data?.tasks;
  // A task completed here leaves at once (the cache knows before the list is fetched again).
  const tasks = (conn?.edges.map((e) => e.node) ?? []).filter((t) => !t.done);
  const total = conn?.totalCount ?? 0;
  return (
    <Section
      title={conn ? `Tasks (${total})` : 'Tasks'}
      actions={
        ctx.caps.canCreate('Task') && (
          <Button size="small" variant="outlined" onClick={() => setAdding(true)}>
            Add task
          </Button>
        )
      }
    >
      <QueryState
        loading={loading}
        error={error}
        hasData={!!data}
        onRetry={() => void refetch()}
        empty={tasks.length === 0 && <EmptyLine text="No open tasks." />}
      >
        <TaskList tasks={tasks} related={false} />
      </QueryState>
      {total > tasks.length && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          <Link component={RouterLink} to={`/tasks?${field}=${record.id}&status=open`}>
            All {total} open tasks
          </Link>
        </Typography>
      )}
      <EntityFormDialog
        typeName="Task"
        screens={screens}
        open={adding}
        presets={presetsFor(typeName, record)}
        onClose={() => setAdding(false)}
        onSaved={() => setAdding(false)}
      />
    </Section>
  );
}

type NextTasks = { [root: string]: { edges: { node: { id: string; nextTask?: NextTaskFragment | null } }[] } };
const CHUNK = 100;

/**
 * The earliest open task of each listed row, asked for the loaded rows (100 ids per request), kept
 * current by the cache: a completed or new task refreshes them through the feed and the list eviction.
 */
function useNextTasks(doc: TypedDocumentNode<NextTasks, { ids: string[]; first: number }>, root: string, ids: string[]): (id: string) => ReactNode {
  const client = useApolloClient();
  const key = ids.join(',');
  const [byId, setById] = useState<Map<string, NextTaskFragment | null>>(new Map());
  useEffect(() => {
    const list = key ? key.split(',') : [];
    const chunks = Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));
    const subs = chunks.map((chunk) =>
      client.watchQuery({ query: doc, variables: { ids: chunk, first: chunk.length } }).subscribe(({ data }) => {
        const edges = (data as NextTasks | undefined)?.[root]?.edges;
        if (!edges) return;
        setById((prev) => {
          const next = new Map(prev);
          for (const { node } of edges) next.set(node.id, node.nextTask ?? null);
          return next;
        });
      }),
    );
    return () => subs.forEach((s) => s.unsubscribe());
  }, [client, doc, root, key]);
  return (id) => {
    const task = byId.get(id);
    if (!task) return task === null ? 'None' : '…';
    return (
      <>
        <RecordLink type="Task" id={task.id}>
          {task.title}
        </RecordLink>
        {task.dueAt && (
          <Typography variant="caption" component="div" sx={{ color: isOverdue(task) ? 'error.main' : 'text.secondary' }}>
            {isOverdue(task) ? 'Overdue · ' : ''}
            {formatDate(task.dueAt)}
          </Typography>
        )}
      </>
    );
  };
}

function nextTaskColumn(doc: TypedDocumentNode<NextTasks, { ids: string[]; first: number }>, root: string): ExtensionColumn {
  return { id: 'nextTask', label: 'Next task', hideBelow: 'md', visible: (ctx) => ctx.caps.canRead('Task'), useCells: (ids) => useNextTasks(doc, root, ids) };
}

const section = { id: 'tasks', visible: (ctx: ExtensionProps['ctx']) => ctx.caps.canRead('Task'), Component: TasksSection };

export const extensions: EntityExtensions = {
  Account: { sections: [section] },
  Contact: { sections: [section], columns: [nextTaskColumn(ContactNextTasksDocument as never, 'contacts')] },
  Deal: { sections: [section], columns: [nextTaskColumn(DealNextTasksDocument as never, 'deals')] },
};
