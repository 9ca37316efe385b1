import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../kernel/entity/base.entity';
import { User } from './user.entity';

@ObjectType({ description: 'A key for integrations; it acts as the user who created it. The secret is shown only once.', simpleResolvers: true })
@Entity('api_keys')
@Index(['userId', 'createdAt'])
@Index(['createdAt', 'id'])
export class ApiKey extends BaseEntity {
  @Field({ description: 'A name to recognise the key by.' })
  @Column('text')
  name!: string;

  @Index()
  @Column('uuid')
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @Index({ unique: true })
  @Column('text')
  secretHash!: string;

  @Field({ description: 'A read-only key cannot run mutations.' })
  @Column('boolean', { default: false })
  readOnly!: boolean;

  @Field(() => Date, { nullable: true, description: 'After this the key stops working; null for no expiry.' })
  @Column('timestamptz', { nullable: true })
  expiresAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Roughly when the key was last used (updated at most once a minute).' })
  @Column('timestamptz', { nullable: true })
  lastUsedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the key was revoked; null while usable.' })
  @Column('timestamptz', { nullable: true })
  revokedAt!: Date | null;
}
