import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, DeleteDateColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Filterable, Sortable } from '../records/list-inputs';

/** Columns every entity has: UUID key, timestamps and the optimistic-concurrency version. */
@ObjectType({ simpleResolvers: true })
export abstract class BaseEntity {
  @Field(() => ID, { description: 'Stable unique identifier (UUID).' })
  @Filterable('Identifier.')
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field({ description: 'When the record was created.' })
  @Filterable('Created.')
  @Sortable()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Field({ description: 'When the record last changed.' })
  @Filterable('Last changed.')
  @Sortable()
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Field(() => Int, { description: 'Increases with every change; pass it as `expectedVersion` to update safely.' })
  @VersionColumn({ default: 1 })
  version!: number;
}

/** Records with a trash: deleting sets `deletedAt`, restoring clears it. */
@ObjectType({ simpleResolvers: true })
export abstract class TrashableEntity extends BaseEntity {
  @Field(() => Date, { nullable: true, description: 'When the record was moved to the trash; null while active.' })
  @Filterable('Trashed at; `{ isNull: false }` lists the trash.')
  @DeleteDateColumn({ type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;
}

/** Records with a trash and an owner (the user responsible for them). */
@ObjectType({ simpleResolvers: true })
export abstract class OwnedEntity extends TrashableEntity {
  @Column('uuid')
  ownerId!: string;
}
