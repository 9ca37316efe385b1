import { defineEntity } from '../../app/entity';
import { formatDateTime } from '../../components/kit/format';
import type { TaskSearchHitFragment } from '../../gql/graphql';
import { TaskSearchHitFragmentDoc } from '../../gql/task-search';

export const entity = defineEntity({
  typeName: 'Task',
  labels: { noun: 'task' },
  nav: { order: 60 },
  listRoot: 'tasks',
  nested: ['Account', 'Contact', 'Deal'].map((on) => ({ on, field: 'tasks' })),
  affects: ['Account', 'Contact', 'Deal'].map((on) => ({ on, field: 'nextTask' })),
  timeline: true,
  search: {
    type: 'TASK',
    fragment: TaskSearchHitFragmentDoc,
    label: (t: TaskSearchHitFragment) => t.title,
    detail: (t: TaskSearchHitFragment) => `Task · ${t.done ? 'done' : t.dueAt ? `due ${formatDateTime(t.dueAt)}` : 'no due date'}`,
  },
  screens: () => import('./task.screens'),
  pages: [{ path: 'tasks/mine', nav: { label: 'My tasks', order: 10 }, load: () => import('./MyTasksPage').then((m) => ({ default: m.MyTasksPage })) }],
  // "Next task" on deal and contact lists; the tasks of an account, contact or deal on its page.
  extensions: { targets: ['Account', 'Contact', 'Deal'], load: () => import('./task.extensions') },
});
