import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../kernel/entity/base.entity';

export enum Role {
  ADMIN = 'ADMIN',
  SALES_MANAGER = 'SALES_MANAGER',
  SALES_REP = 'SALES_REP',
  ACCOUNTANT = 'ACCOUNTANT',
  DISPATCHER = 'DISPATCHER',
  TECHNICIAN = 'TECHNICIAN',
}
registerEnumType(Role, { name: 'Role', description: 'What a user may see and do.' });

@ObjectType({ description: 'A person who signs in to Converge. Directory fields are visible to every signed-in user.', simpleResolvers: true })
@Entity('users')
@Index(['createdAt', 'id'])
@Index('users_email_unique', { synchronize: false })
export class User extends BaseEntity {
  @Field(() => String, { nullable: true, description: 'Sign-in email (lower-cased). Visible to the user themself, ADMIN and SALES_MANAGER.' })
  @Column('text')
  email!: string;

  @Field({ description: 'Display name.' })
  @Index()
  @Column('text')
  name!: string;

  @Field(() => String, { nullable: true, description: 'Phone in E.164. Visible to the user themself, ADMIN and SALES_MANAGER.' })
  @Column('text', { nullable: true })
  phone!: string | null;

  @Field(() => Role, { description: 'The role that decides permissions.' })
  @Index()
  @Column('enum', { enum: Role, enumName: 'user_role' })
  role!: Role;

  @Field({ description: 'Inactive users cannot sign in and their tokens are revoked.' })
  @Index()
  @Column('boolean', { default: true })
  active!: boolean;

  @Field(() => Date, { nullable: true, description: 'Last successful sign-in. Visible to the user themself, ADMIN and SALES_MANAGER.' })
  @Column('timestamptz', { nullable: true })
  lastLoginAt!: Date | null;

  @Column('text', { select: false })
  passwordHash!: string;
}
