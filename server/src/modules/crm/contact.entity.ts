import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { OwnedEntity } from '../../kernel/entity/base.entity';
import { User } from '../system/user.entity';
import { Account } from './account.entity';

@ObjectType({ description: 'A person at an account.', simpleResolvers: true })
@Entity('contacts')
@Index(['ownerId', 'createdAt'])
@Index(['lastName', 'id'])
@Index(['firstName', 'id'])
@Index(['createdAt', 'id'])
@Index(['updatedAt', 'id'])
@Index('contacts_search_idx', { synchronize: false })
@Index('contacts_deleted_idx', ['deletedAt'])
@Index('contacts_name_trgm_idx', { synchronize: false })
export class Contact extends OwnedEntity {
  @Field({ description: 'Given name.' })
  @Column('text')
  firstName!: string;

  @Field({ description: 'Family name.' })
  @Column('text')
  lastName!: string;

  @Field(() => String, { nullable: true, description: 'Email (lower-cased).' })
  @Index()
  @Column('text', { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'Phone in E.164.' })
  @Index()
  @Column('text', { nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: 'Job title.' })
  @Index()
  @Column('text', { nullable: true })
  title!: string | null;

  @Index()
  @Column('uuid', { nullable: true })
  accountId!: string | null;

  @ManyToOne(() => Account)
  @JoinColumn({ name: 'accountId' })
  account?: Account;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'ownerId' })
  owner?: User;
}
