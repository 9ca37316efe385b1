import { User } from '../modules/system/user.entity';
import { AuthToken } from '../modules/system/auth-token.entity';
import { ApiKey } from '../modules/system/api-key.entity';
import { ActivityLog } from '../modules/system/activity-log.entity';
import { Account } from '../modules/crm/account.entity';
import { Contact } from '../modules/crm/contact.entity';
import { Deal } from '../modules/crm/deal.entity';
import { Interaction } from '../modules/crm/interaction.entity';
import { Project } from '../modules/workflow/project.entity';
import { OutboxJob } from '../kernel/jobs/outbox.entity';
import { ServerSecret } from '../kernel/secrets/server-secret.entity';

export const entities = [User, AuthToken, ApiKey, ActivityLog, Account, Contact, Deal, Interaction, Project, OutboxJob, ServerSecret];
