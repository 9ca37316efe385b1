import { Field, ID, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { MoneyScalar } from '../../kernel/money';
import { JournalEntry } from './journal-entry.entity';
import { LedgerAccount } from './ledger-account.entity';

/**
 * One line of a journal entry: a debit or a credit to one ledger account. Lines belong to their
 * entry (written, replaced and read with it) and, once it is posted, never change.
 */
@ObjectType({ description: 'A line of a journal entry: a debit or a credit to one ledger account.', simpleResolvers: true })
@Entity('journal_lines')
@Index(['entryId', 'position'], { unique: true })
@Check('journal_lines_amounts_check', `"debit" >= 0 AND "credit" >= 0 AND ("debit" > 0) <> ("credit" > 0)`)
export class JournalLine {
  @Field(() => ID, { description: 'Stable unique identifier (UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  entryId!: string;

  @ManyToOne(() => JournalEntry)
  @JoinColumn({ name: 'entryId' })
  entry?: JournalEntry;

  /** Order within the entry, from 0. */
  @Column('int')
  position!: number;

  @Index()
  @Column('uuid')
  ledgerAccountId!: string;

  @ManyToOne(() => LedgerAccount)
  @JoinColumn({ name: 'ledgerAccountId' })
  ledgerAccount?: LedgerAccount;

  @Field(() => MoneyScalar, { description: 'Debit amount; "0.00" on a credit line.' })
  @Column('numeric', { precision: 14, scale: 2, default: 0 })
  debit!: string;

  @Field(() => MoneyScalar, { description: 'Credit amount; "0.00" on a debit line.' })
  @Column('numeric', { precision: 14, scale: 2, default: 0 })
  credit!: string;

  @Field(() => String, { nullable: true, description: 'What the line is for.' })
  @Column('text', { nullable: true })
  description!: string | null;
}
