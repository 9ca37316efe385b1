import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { OwnedEntity } from '../../kernel/entity/base.entity';
import { User } from '../system/user.entity';
import { Contact } from './contact.entity';
import { Deal } from './deal.entity';

export enum InteractionType {
  CALL = 'CALL',
  EMAIL = 'EMAIL',
  MEETING = 'MEETING',
  NOTE = 'NOTE',
  SMS = 'SMS',
}
registerEnumType(InteractionType, { name: 'InteractionType', description: 'Kind of touch point.' });

/** An SMS's way out: QUEUED → SENDING → SENT | FAILED, then DELIVERED | UNDELIVERED from the provider. */
export enum SmsStatus {
  QUEUED = 'QUEUED',
  SENDING = 'SENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
  DELIVERED = 'DELIVERED',
  UNDELIVERED = 'UNDELIVERED',
}
registerEnumType(SmsStatus, { name: 'SmsStatus', description: 'Delivery status of an SMS sent from Converge.' });

@ObjectType({ description: 'A call, email, meeting, note or SMS with a contact, optionally about a deal.', simpleResolvers: true })
@Entity('interactions')
@Index(['ownerId', 'occurredAt'])
@Index(['occurredAt', 'id'])
@Index(['createdAt', 'id'])
@Index(['updatedAt', 'id'])
@Index(['dealId', 'occurredAt'])
@Index(['contactId', 'occurredAt'])
@Index('interactions_deleted_idx', ['deletedAt'])
export class Interaction extends OwnedEntity {
  @Field(() => InteractionType, { description: 'Kind of interaction.' })
  @Index()
  @Column('enum', { enum: InteractionType, enumName: 'interaction_type' })
  type!: InteractionType;

  @Field({ description: 'Short summary.' })
  @Index()
  @Column('text')
  subject!: string;

  @Field(() => String, { nullable: true, description: 'Full text.' })
  @Column('text', { nullable: true })
  body!: string | null;

  @Field({ description: 'When it happened.' })
  @Column('timestamptz')
  occurredAt!: Date;

  @Column('uuid')
  contactId!: string;

  @ManyToOne(() => Contact)
  @JoinColumn({ name: 'contactId' })
  contact?: Contact;

  @Column('uuid', { nullable: true })
  dealId!: string | null;

  @ManyToOne(() => Deal)
  @JoinColumn({ name: 'dealId' })
  deal?: Deal;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'ownerId' })
  owner?: User;

  @Field(() => SmsStatus, { nullable: true, description: 'For an SMS sent with `sendSms`: where it is on its way; null otherwise.' })
  @Column('enum', { enum: SmsStatus, enumName: 'sms_status', nullable: true })
  smsStatus!: SmsStatus | null;

  @Field(() => String, { nullable: true, description: 'For an SMS sent with `sendSms`: the number it goes to (E.164).' })
  @Column('text', { nullable: true })
  smsTo!: string | null;

  @Field(() => String, { nullable: true, description: "The SMS provider's message id (Twilio's SM…), once sent." })
  @Index({ where: '"smsProviderId" IS NOT NULL' })
  @Column('text', { nullable: true })
  smsProviderId!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the SMS failed or was not delivered.' })
  @Column('text', { nullable: true })
  smsError!: string | null;

  /** When sending was first attempted: a later attempt asks the provider before sending again. */
  @Column('timestamptz', { nullable: true })
  smsSendingAt!: Date | null;
}
