import { Connection } from '../pagination/connection.types';
import { listInputsOf } from '../records/list-inputs';
import { ActivityLog } from './activity-log.entity';

export const ActivityLogConnection = Connection(ActivityLog);

// `ActivityFilter` and the list arguments, generated from the entity's marked fields.
const inputs = listInputsOf(ActivityLog);
export const ActivityFilter = inputs.Filter;
export type ActivityFilter = Record<string, unknown>;
export const ActivityListArgs = inputs.ListArgs;
export interface ActivityListArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
  filter?: ActivityFilter | null;
}
