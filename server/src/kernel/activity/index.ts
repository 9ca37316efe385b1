export { ActivityAction, ActivityLog } from './activity-log.entity';
export { ActivityLogConnection, ActivityFilter, ActivityListArgs } from './activity-log.inputs';
export { activityLogService } from './activity-log.service';
export { ActivityLogResolver } from './activity-log.resolver';
export { RecordChanged, type RecordChange } from './activity.events';
export { registerActivityLogWriter } from './activity-log.writer';
export { activityWhere, canSeeActivity } from './activity-visibility';
export { activitySource, feedPosition, startActivityFeed } from './activity-feed';
export { diffFields } from './diff';
