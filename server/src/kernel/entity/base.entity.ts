import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, DeleteDateColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** Columns every entity has: UUID key, timestamps and the optimistic-concurrency version. */
@ObjectType({ simpleResolvers: true })
export abstract class BaseEntity {
  @Field(() => ID, { description: 'Stable unique identifier (UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field({ description: 'When the record was created.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Field({ description: 'When the record last changed.' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Field(() => Int, { description: 'Increases with every change; pass it as `expectedVersion` to update safely.' })
  @VersionColumn({ default: 1 })
  version!: number;
}

/** CRM records: soft-deletable (trash) and owned by a user. */
@ObjectType({ simpleResolvers: true })
export abstract class OwnedEntity extends BaseEntity {
  @Field(() => Date, { nullable: true, description: 'When the record was moved to the trash; null while active.' })
  @DeleteDateColumn({ type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;

  @Column('uuid')
  ownerId!: string;
}
