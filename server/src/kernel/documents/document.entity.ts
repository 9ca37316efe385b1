import { Field, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../entity/base.entity';
import { registerEnum } from '../enums';

/** QUEUED: waiting for a worker. RENDERING: an attempt is under way. READY: the file can be downloaded. FAILED: given up, see `error`. */
export enum DocumentStatus {
  QUEUED = 'QUEUED',
  RENDERING = 'RENDERING',
  READY = 'READY',
  FAILED = 'FAILED',
}
registerEnum(DocumentStatus, 'DocumentStatus', 'Where a rendered document is: queued, rendering, ready to download, or failed.');

/**
 * A file rendered in the background from one record (an invoice's PDF, a report), kept with its
 * bytes. Who may read it is decided by the record's type (`entityType`), never by the document.
 */
@ObjectType({
  description: 'A file rendered in the background from a record (e.g. an invoice PDF); poll it or watch the activity feed.',
  simpleResolvers: true,
})
@Entity('documents')
@Index(['entityId', 'createdAt'])
@Check('documents_status_check', `"status" IN ('QUEUED', 'RENDERING', 'READY', 'FAILED')`)
export class Document extends BaseEntity {
  @Field(() => DocumentStatus, { description: 'Where the document is.' })
  @Column('text')
  status!: DocumentStatus;

  /** The registered document kind that renders it, e.g. "invoice". */
  @Column('text')
  kind!: string;

  /** GraphQL type of the record it was made from; its policy decides who may read the document. */
  @Column('text')
  entityType!: string;

  @Column('uuid')
  entityId!: string;

  @Field({ description: 'MIME type of the file, e.g. "application/pdf".' })
  @Column('text')
  contentType!: string;

  /** The download's file name, known once rendered. */
  @Column('text', { nullable: true })
  filename!: string | null;

  @Field(() => String, { nullable: true, description: 'Why rendering failed (FAILED only).' })
  @Column('text', { nullable: true })
  error!: string | null;

  /** The file itself: never selected unless asked for, never a GraphQL field (downloads go through signed links). */
  @Column('bytea', { nullable: true, select: false })
  content!: Buffer | null;
}
