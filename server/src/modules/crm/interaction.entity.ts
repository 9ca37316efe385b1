import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Context } from '../../kernel/context';
import { OwnedEntity } from '../../kernel/entity/base.entity';
import { badInput } from '../../kernel/errors/errors';
import type { UnitOfWork } from '../../kernel/events/unit-of-work';
import { SortDirection } from '../../kernel/pagination/filters';
import { Filterable, Sortable } from '../../kernel/records/list-inputs';
import { defineRecord, type RecordKind } from '../../kernel/records/record-kind';
import type { Path } from '../../kernel/records/record.service';
import { User } from '../system';
import { Contact, contacts } from './contact.entity';
import { Deal, deals } from './deal.entity';
import { InteractionType, SmsStatus } from './interaction-type';
import { interactionPolicy } from './interaction.policy';
import { CreateInteractionInput, UpdateInteractionInput } from './interaction.inputs';

export { InteractionType, SmsStatus } from './interaction-type';

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
  @Filterable('Kind.')
  @Sortable()
  @Index()
  @Column('enum', { enum: InteractionType, enumName: 'interaction_type' })
  type!: InteractionType;

  @Field({ description: 'Short summary.' })
  @Filterable('Subject.')
  @Index()
  @Column('text')
  subject!: string;

  @Field(() => String, { nullable: true, description: 'Full text.' })
  @Column('text', { nullable: true })
  body!: string | null;

  @Field({ description: 'When it happened.' })
  @Filterable('When it happened.')
  @Sortable()
  @Column('timestamptz')
  occurredAt!: Date;

  @Column('uuid')
  contactId!: string;

  @Filterable('The contact.')
  @ManyToOne(() => Contact)
  @JoinColumn({ name: 'contactId' })
  contact?: Contact;

  @Column('uuid', { nullable: true })
  dealId!: string | null;

  @Filterable('The deal.')
  @ManyToOne(() => Deal)
  @JoinColumn({ name: 'dealId' })
  deal?: Deal;

  @Filterable('Owner.')
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

async function checkRefs(ctx: Context, uow: UnitOfWork, contactId: string | undefined, dealId: string | null | undefined, path: Path): Promise<void> {
  if (contactId != null) await interactions.service.requireVisible(ctx, uow, contacts, contactId, [...path, 'contactId']);
  if (dealId != null) await interactions.service.requireVisible(ctx, uow, deals, dealId, [...path, 'dealId']);
}

/**
 * What an SMS sent with `sendSms` says, to whom and when is a record of what went out (or is about
 * to: the worker reads the stored text when it sends), so those fields never change once the
 * message exists. Sending the same value again is not a change.
 */
const SENT_SMS_FIXED = ['type', 'body', 'contactId', 'occurredAt'] as const;

const sameValue = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);

function guardSms(before: Interaction, input: UpdateInteractionInput, path: Path): void {
  if (before.smsStatus) {
    for (const f of SENT_SMS_FIXED) {
      if (input[f] !== undefined && !sameValue(input[f], before[f])) {
        throw badInput([...path, f], 'cannot be changed on an SMS sent from Converge: it records what was sent, to whom and when');
      }
    }
  } else if (input.type === InteractionType.SMS && before.type !== InteractionType.SMS) {
    // A logged call or note turned into an SMS would pose as a text that was never sent.
    throw badInput([...path, 'type'], 'cannot be changed to SMS; send a text with sendSms instead');
  }
}

export const interactions: RecordKind<Interaction, CreateInteractionInput, UpdateInteractionInput> = defineRecord<
  Interaction,
  CreateInteractionInput,
  UpdateInteractionInput
>({
  entity: Interaction,
  noun: 'an interaction',
  plural: 'interactions',
  policy: interactionPolicy,
  capabilities: { owned: true, trash: true },
  inputs: { create: CreateInteractionInput, update: UpdateInteractionInput },
  references: {
    contact: {
      to: () => contacts,
      via: 'contactId',
      description: 'The contact; null when not visible to you.',
      inverse: { name: 'interactions', description: 'Interactions with this contact that you may see.' },
    },
    deal: {
      to: () => deals,
      via: 'dealId',
      description: 'The deal; null when none or not visible.',
      inverse: { name: 'interactions', description: 'Interactions about this deal that you may see (default: newest first).' },
    },
  },
  logged: ['type', 'subject', 'body', 'occurredAt', 'contactId', 'dealId', 'ownerId', 'smsStatus', 'smsTo', 'smsProviderId', 'smsError'],
  defaultOrder: [{ field: 'OCCURRED_AT', direction: SortDirection.DESC }],
  describe: { create: 'Records an interaction.' },
  label: (i) => i.subject,
  prepareCreate: async (ctx, uow, input, path) => {
    await checkRefs(ctx, uow, input.contactId, input.dealId, path);
    return {
      values: {
        type: input.type,
        subject: input.subject.trim(),
        body: input.body ?? null,
        occurredAt: input.occurredAt ?? new Date(),
        contactId: input.contactId,
        dealId: input.dealId ?? null,
      },
    };
  },
  prepareUpdate: async (ctx, uow, before, input, path) => {
    for (const f of ['type', 'subject', 'occurredAt', 'contactId'] as const) if (input[f] === null) throw badInput([...path, f], 'cannot be cleared');
    guardSms(before, input, path);
    await checkRefs(ctx, uow, input.contactId, input.dealId, path);
    return {
      values: {
        type: input.type,
        subject: input.subject?.trim(),
        body: input.body,
        occurredAt: input.occurredAt,
        contactId: input.contactId,
        dealId: input.dealId,
      },
    };
  },
});
