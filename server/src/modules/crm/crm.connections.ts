import { BatchResult } from '../../kernel/data/batch.types';
import { Connection } from '../../kernel/pagination/connection.types';
import { Account } from './account.entity';
import { Contact } from './contact.entity';
import { Deal } from './deal.entity';
import { Interaction } from './interaction.entity';

// Connection and batch types live apart from the resolvers, which reference each other's.
export const AccountConnection = Connection(Account);
export const ContactConnection = Connection(Contact);
export const DealConnection = Connection(Deal);
export const InteractionConnection = Connection(Interaction);
export const AccountBatchResult = BatchResult(Account);
export const ContactBatchResult = BatchResult(Contact);
