import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../kernel/entity/base.entity';
import { SortDirection } from '../../kernel/pagination/filters';
import { Filterable } from '../../kernel/records/list-inputs';
import { defineRecord } from '../../kernel/records/record-kind';
import { and, viaSession } from '../../kernel/permissions/rules';
import { apiKeyPolicy } from './api-key.policy';
import { User } from './user.entity';

@ObjectType({ description: 'A key for integrations; it acts as the user who created it. The secret is shown only once.', simpleResolvers: true })
@Entity('api_keys')
@Index(['userId', 'createdAt'])
@Index(['createdAt', 'id'])
@Index(['updatedAt', 'id'])
export class ApiKey extends BaseEntity {
  @Field({ description: 'A name to recognise the key by.' })
  @Column('text')
  name!: string;

  @Index()
  @Column('uuid')
  userId!: string;

  @Filterable('Whose key it is.')
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @Index({ unique: true })
  @Column('text', { select: false })
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
  @Filterable('Revoked at; `{ isNull: true }` lists the usable keys.')
  @Index()
  @Column('timestamptz', { nullable: true })
  revokedAt!: Date | null;
}

/**
 * API keys on the record kit: the list and lookup (your own; ADMIN everyone's). Creating (the
 * secret is shown once) and revoking are commands of their own; managing keys needs a session.
 */
export const apiKeys = defineRecord<ApiKey>({
  entity: ApiKey,
  typeName: 'ApiKey',
  noun: 'an API key',
  plural: 'API keys',
  names: { many: 'apiKeys' },
  policy: apiKeyPolicy,
  logged: ['name', 'readOnly', 'expiresAt', 'revokedAt'],
  defaultOrder: [{ field: 'CREATED_AT', direction: SortDirection.DESC }],
  mutationRule: (r) => and(r, viaSession),
  label: (k) => k.name,
});
