import { defineEvent } from '../../../kernel/events/domain-events';
import type { Deal } from '../deal.entity';

/** A deal was won (first time or after a reopen), inside the winning transaction. */
export const DealWon = defineEvent<{ deal: Deal }>('crm.deal-won');
