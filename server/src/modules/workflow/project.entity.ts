import { Field, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../kernel/entity/base.entity';
import { registerEnum } from '../../kernel/enums';
import { Account, Deal } from '../crm';
import { User } from '../system';

export enum ProjectStatus {
  ACTIVE = 'ACTIVE',
  ON_HOLD = 'ON_HOLD',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}
registerEnum(ProjectStatus, 'ProjectStatus', 'Where the project stands.');

@ObjectType({ description: 'Delivery work, created when a deal is won.', simpleResolvers: true })
@Entity('projects')
export class Project extends BaseEntity {
  @Field({ description: 'Project name.' })
  @Column('text')
  name!: string;

  @Index()
  @Column('uuid')
  accountId!: string;

  @ManyToOne(() => Account)
  @JoinColumn({ name: 'accountId' })
  account?: Account;

  @Index({ unique: true, where: '"dealId" IS NOT NULL' })
  @Column('uuid', { nullable: true })
  dealId!: string | null;

  @ManyToOne(() => Deal)
  @JoinColumn({ name: 'dealId' })
  deal?: Deal;

  @Field(() => ProjectStatus, { description: 'Status.' })
  @Column('enum', { enum: ProjectStatus, enumName: 'project_status', default: ProjectStatus.ACTIVE })
  status!: ProjectStatus;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Due date.' })
  @Column('date', { nullable: true })
  dueDate!: string | null;

  @Index()
  @Column('uuid', { nullable: true })
  managerId!: string | null;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'managerId' })
  manager?: User;
}
