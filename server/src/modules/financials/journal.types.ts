import { registerEnum } from '../../kernel/enums';

export enum JournalStatus {
  DRAFT = 'DRAFT',
  POSTED = 'POSTED',
}
registerEnum(JournalStatus, 'JournalStatus', 'A draft may change; a posted entry never does (it is corrected by a reversal).');

/** What wrote an entry: a person, a reversal, or a business event posting through the ledger. */
export enum JournalSource {
  MANUAL = 'MANUAL',
  REVERSAL = 'REVERSAL',
  INVOICE = 'INVOICE',
  PAYMENT = 'PAYMENT',
  EXPENSE = 'EXPENSE',
}
registerEnum(JournalSource, 'JournalSource', 'What wrote a journal entry.');
