import { ArgsType, Field, InputType } from 'type-graphql';
import { DateTimeFilter, EnumFilter, IDFilter, StringFilter } from '../../kernel/pagination/filters';
import { Connection, PageArgsInput } from '../../kernel/pagination/connection.types';
import { ActivityAction, ActivityLog } from './activity-log.entity';

export const ActivityLogConnection = Connection(ActivityLog);

export const ActivityActionFilter = EnumFilter(ActivityAction, 'ActivityAction');

@InputType({ description: 'Conditions on activity-log entries.' })
export class ActivityFilter {
  @Field(() => [ActivityFilter], { nullable: true, description: 'All of these.' }) and?: ActivityFilter[];
  @Field(() => [ActivityFilter], { nullable: true, description: 'Any of these.' }) or?: ActivityFilter[];
  @Field(() => ActivityFilter, { nullable: true, description: 'Not this.' }) not?: ActivityFilter;
  @Field(() => StringFilter, { nullable: true, description: 'Entity type name, e.g. "Deal".' }) entityType?: StringFilter;
  @Field(() => IDFilter, { nullable: true, description: 'The entity.' }) entityId?: IDFilter;
  @Field(() => IDFilter, { nullable: true, description: 'The acting user.' }) actorId?: IDFilter;
  @Field(() => ActivityActionFilter, { nullable: true, description: 'What happened.' }) action?: unknown;
  @Field(() => DateTimeFilter, { nullable: true, description: 'When.' }) createdAt?: DateTimeFilter;
}

@ArgsType()
export class ActivityListArgs extends PageArgsInput {
  @Field(() => ActivityFilter, { nullable: true, description: 'Conditions.' }) filter?: ActivityFilter;
}
