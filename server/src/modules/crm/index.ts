import { defineModule } from '../../kernel/modules/module-manifest';
import { Account, accounts } from './account.entity';
import { Contact, contacts } from './contact.entity';
import { crmPermissions } from './crm.permissions';
import { Deal, deals } from './deal.entity';
import { DealResolver } from './deal.resolver';
import { DealStatsResolver } from './deal-stats.resolver';
import { Interaction, interactions } from './interaction.entity';

export { Account, accounts } from './account.entity';
export { Contact, contacts } from './contact.entity';
export { Deal, deals, DealStage, isOpenStage, OPEN_STAGES } from './deal.entity';
export { Interaction, interactions, InteractionType, SmsStatus } from './interaction.entity';
export { CreateInteractionInput } from './interaction.inputs';
export { DealWon } from './commands/deal-won.event';

/** The CRM core: accounts, contacts, deals with their pipeline, interactions, dashboard figures. */
export const manifest = defineModule({
  name: 'crm',
  entities: [Account, Contact, Deal, Interaction],
  records: [accounts, contacts, deals, interactions],
  resolvers: [DealResolver, DealStatsResolver],
  rules: crmPermissions,
});
