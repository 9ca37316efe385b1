import { allow, canRead, canWrite, RuleMap } from '../../kernel/permissions/rules';
import { Role } from '../system/user.entity';
import { crmReaders, crmWriters } from './crm.scope';

const readAccounts = canRead(...crmReaders('accounts'));
const readContacts = canRead(...crmReaders('contacts'));
const readDeals = canRead(...crmReaders('deals'));
const readInteractions = canRead(...crmReaders('interactions'));
const write = canWrite(...crmWriters());
const readCreditLimit = canRead(Role.ADMIN, Role.SALES_MANAGER, Role.ACCOUNTANT);

/** CRM core: root fields by role; rows are scoped in the services' SQL. */
export const crmPermissions: RuleMap = {
  Query: {
    account: readAccounts,
    accounts: readAccounts,
    contact: readContacts,
    contacts: readContacts,
    deal: readDeals,
    deals: readDeals,
    dealStats: readDeals,
    interaction: readInteractions,
    interactions: readInteractions,
    search: canRead(...Object.values(Role)), // each role searches only the types it reads
  },
  Mutation: {
    createAccount: write, createAccounts: write, updateAccount: write, deleteAccount: write, restoreAccount: write,
    createContact: write, createContacts: write, updateContact: write, deleteContact: write, restoreContact: write,
    createDeal: write, updateDeal: write, deleteDeal: write, restoreDeal: write, moveDealStage: write, reopenDeal: write,
    createInteraction: write, updateInteraction: write, deleteInteraction: write, restoreInteraction: write,
  },
  Account: {
    '*': readAccounts,
    creditLimit: readCreditLimit,
    deals: readDeals,
    timeline: readAccounts,
  },
  Contact: {
    '*': readContacts,
    interactions: readInteractions,
  },
  Deal: {
    '*': readDeals,
    interactions: readInteractions,
  },
  Interaction: { '*': readInteractions },
  // Dashboard figures: rows scoped like the deals list; the interaction count only for roles that read interactions.
  DealStats: { '*': readDeals, interactionsThisWeek: readInteractions },
  DealStageStat: { '*': readDeals },
  DealMonthStat: { '*': readDeals },
  SearchHit: { '*': allow },
};
