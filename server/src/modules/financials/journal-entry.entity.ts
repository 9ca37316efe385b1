import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DateScalar } from '../../kernel/calendar-date';
import { TrashableEntity } from '../../kernel/entity/base.entity';
import { badInput } from '../../kernel/errors/errors';
import { fromMinor } from '../../kernel/money';
import { MoneyScalar } from '../../kernel/money';
import { SortDirection } from '../../kernel/pagination/filters';
import { Filterable, Sortable } from '../../kernel/records/list-inputs';
import { defineRecord, type RecordKind } from '../../kernel/records/record-kind';
import type { Values } from '../../kernel/records/record.service';
import { CreateJournalEntryInput, UpdateJournalEntryInput } from './journal-entry.inputs';
import { journalEntryPolicy } from './journal-entry.policy';
import { checkLines, linesChange, linesOf, replaceLines, type CheckedLines } from './journal-lines';
import { JournalSource, JournalStatus } from './journal.types';

@ObjectType({ description: 'A journal entry: balanced debits and credits on one day. A draft may change; a posted entry never does.', simpleResolvers: true })
@Entity('journal_entries')
@Index('journal_entries_number_unique', ['number'], { unique: true, where: '"number" IS NOT NULL' })
@Index('journal_entries_reversal_unique', ['reversalOfId'], { unique: true, where: '"reversalOfId" IS NOT NULL' })
@Index(['date', 'id'])
@Index(['number', 'id'])
@Index(['createdAt', 'id'])
@Index(['updatedAt', 'id'])
@Index('journal_entries_deleted_idx', ['deletedAt'])
@Index('journal_entries_source_idx', ['source'])
export class JournalEntry extends TrashableEntity {
  @Field(() => String, { nullable: true, description: 'JE-<year>-<00001…>, given at posting (gapless per year of its date); null for a draft.' })
  @Filterable('Entry number.')
  @Sortable()
  @Column('text', { nullable: true })
  number!: string | null;

  @Field(() => DateScalar, { description: 'The day it is booked on.' })
  @Filterable('Booking date.')
  @Sortable()
  @Column('date')
  date!: string;

  @Field(() => String, { nullable: true, description: 'What the entry records.' })
  @Column('text', { nullable: true })
  memo!: string | null;

  @Field(() => JournalStatus, { description: 'DRAFT until posted; POSTED entries never change.' })
  @Filterable('Status.')
  @Index()
  @Column('enum', { enum: JournalStatus, enumName: 'journal_status', default: JournalStatus.DRAFT })
  status!: JournalStatus;

  @Field(() => MoneyScalar, { description: 'Sum of the debits.' })
  @Column('numeric', { precision: 14, scale: 2, default: 0 })
  totalDebit!: string;

  @Field(() => MoneyScalar, { description: 'Sum of the credits.' })
  @Column('numeric', { precision: 14, scale: 2, default: 0 })
  totalCredit!: string;

  @Field(() => JournalSource, { description: 'What wrote it: a person, a reversal, or an invoice, payment or expense.' })
  @Filterable('Source.')
  @Column('enum', { enum: JournalSource, enumName: 'journal_source', default: JournalSource.MANUAL })
  source!: JournalSource;

  @Column('uuid', { nullable: true })
  reversalOfId!: string | null;

  @ManyToOne(() => JournalEntry)
  @JoinColumn({ name: 'reversalOfId' })
  reversalOf?: JournalEntry;

  @Field(() => Date, { nullable: true, description: 'When it was posted; null for a draft.' })
  @Column('timestamptz', { nullable: true })
  postedAt!: Date | null;
}

const totals = (c: CheckedLines): Values => ({ totalDebit: fromMinor(c.totalDebit), totalCredit: fromMinor(c.totalCredit) });

export const journalEntries: RecordKind<JournalEntry, CreateJournalEntryInput, UpdateJournalEntryInput, CheckedLines> = defineRecord<
  JournalEntry,
  CreateJournalEntryInput,
  UpdateJournalEntryInput,
  CheckedLines
>({
  entity: JournalEntry,
  noun: 'a journal entry',
  plural: 'journalEntries',
  policy: journalEntryPolicy,
  capabilities: { trash: true, timeline: true },
  inputs: { create: CreateJournalEntryInput, update: UpdateJournalEntryInput },
  logged: ['number', 'date', 'memo', 'status', 'totalDebit', 'totalCredit'],
  defaultOrder: [
    { field: 'DATE', direction: SortDirection.DESC },
    { field: 'CREATED_AT', direction: SortDirection.DESC },
  ],
  describe: {
    create: 'Creates a draft journal entry with its lines; postJournalEntry posts it.',
    update: 'Changes a draft journal entry (given lines replace all its lines). Posted entries never change.',
  },
  label: (e) => e.number ?? `Draft entry of ${e.date}`,
  references: {
    reversalOf: { to: () => journalEntries, via: 'reversalOfId', description: 'The posted entry this one reverses; null for an ordinary entry.' },
  },
  async prepareCreate(ctx, uow, input, path) {
    const lines = await checkLines(ctx, uow.manager, input.lines, path);
    return { values: { date: input.date, memo: input.memo?.trim() || null, status: JournalStatus.DRAFT, ...totals(lines) }, children: lines };
  },
  async prepareUpdate(ctx, uow, _before, input, path) {
    if (input.date === null) throw badInput([...path, 'date'], 'cannot be cleared');
    if (input.lines === null) throw badInput([...path, 'lines'], 'cannot be cleared; give an empty list to remove every line');
    const values: Values = { date: input.date, memo: input.memo === undefined ? undefined : input.memo?.trim() || null };
    if (!input.lines) return { values };
    const lines = await checkLines(ctx, uow.manager, input.lines, path);
    return { values: { ...values, ...totals(lines) }, children: lines };
  },
  async writeChildren(_ctx, uow, row, lines, before) {
    // A new entry has no lines yet: nothing to read or delete.
    const change = linesChange(before ? await linesOf(uow.manager, row.id) : [], lines.lines);
    if (change) await replaceLines(uow, row.id, lines.lines, !before);
    return change;
  },
  guardChange(before, change) {
    if (before.status === JournalStatus.POSTED) {
      throw badInput(
        ['id'],
        change === 'update' ? 'A posted journal entry never changes: reverse it instead' : 'A posted journal entry cannot be deleted: reverse it instead',
      );
    }
  },
});
