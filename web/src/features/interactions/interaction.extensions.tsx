import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { useQuery } from '@apollo/client/react';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { InteractionsDocument } from '../../gql/interactions';
import { Section } from '../../components/kit/DetailFields';
import { EntityFormDialog } from '../../components/kit/EntityFormDialog';
import { formatDateTime } from '../../components/kit/format';
import { EmptyLine, QueryState } from '../../components/States';
import type { AnyRecord, EntityExtensions, ExtensionProps } from '../../components/kit/types';
import { contactOption } from '../contacts/contact.screens';
import { TYPE_LABELS } from './interaction-format';
import { screens } from './interaction.screens';

const SHOWN = 20;
const LATEST_FIRST = [{ field: 'OCCURRED_AT' as const, direction: 'DESC' as const }];

/** What a new interaction starts with when logged from a record's page. */
function presetsFor(typeName: string, r: AnyRecord): Record<string, unknown> {
  if (typeName === 'Contact') return { contact: contactOption(r as Parameters<typeof contactOption>[0]) };
  if (typeName === 'Account') return { account: { id: r.id, name: r.name } };
  // A deal: the deal, its primary contact, and its account for the pickers.
  const account = r.account ? { id: r.account.id, name: r.account.name } : null;
  return {
    deal: { id: r.id, label: r.name, data: { accountId: account?.id ?? null } },
    contact: r.primaryContact ? contactOption({ ...r.primaryContact, account }) : null,
    account,
  };
}

function LogInteraction({ record, typeName, size }: ExtensionProps & { size?: 'small' }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size={size} variant="outlined" onClick={() => setOpen(true)}>
        Log interaction
      </Button>
      <EntityFormDialog
        typeName="Interaction"
        screens={screens}
        open={open}
        presets={presetsFor(typeName, record)}
        onClose={() => setOpen(false)}
        onSaved={() => setOpen(false)}
      />
    </>
  );
}

/** The interactions of a contact or a deal, newest first, with "Log interaction". */
function InteractionsSection(props: ExtensionProps) {
  const { record, typeName, ctx } = props;
  const field = typeName === 'Contact' ? 'contact' : 'deal';
  const { data, loading, error, refetch } = useQuery(InteractionsDocument, {
    variables: { filter: { [field]: { id: { eq: record.id } } }, first: SHOWN, orderBy: LATEST_FIRST },
  });
  const conn = data?.interactions;
  const total = conn?.totalCount ?? 0;
  const items = conn?.edges.map((e) => e.node) ?? [];
  return (
    <Section
      title={conn ? `Interactions (${total})` : 'Interactions'}
      actions={ctx.caps.canCreate('Interaction') && <LogInteraction {...props} size="small" />}
    >
      <QueryState
        loading={loading}
        error={error}
        hasData={!!data}
        onRetry={() => void refetch()}
        empty={items.length === 0 && <EmptyLine text="No interactions yet." />}
      >
        <List dense disablePadding>
          {items.map((i) => (
            <ListItem key={i.id} disableGutters divider>
              <ListItemText
                primary={
                  <Link component={RouterLink} to={`/interactions/${i.id}`}>
                    {i.subject}
                  </Link>
                }
                secondary={[
                  TYPE_LABELS[i.type],
                  formatDateTime(i.occurredAt),
                  field === 'contact' ? i.deal?.name : i.contact && `${i.contact.firstName} ${i.contact.lastName}`,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              />
            </ListItem>
          ))}
        </List>
      </QueryState>
      {total > items.length && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          <Link component={RouterLink} to={`/interactions?${field}=${record.id}`}>
            All {total} interactions
          </Link>
        </Typography>
      )}
    </Section>
  );
}

const section = { id: 'interactions', wide: true, visible: (ctx: ExtensionProps['ctx']) => ctx.caps.canRead('Interaction'), Component: InteractionsSection };

export const extensions: EntityExtensions = {
  Contact: { sections: [section] },
  Deal: { sections: [{ ...section, wide: false }] },
  Account: { actions: [{ id: 'log-interaction', visible: (ctx) => ctx.caps.canCreate('Interaction'), Component: LogInteraction }] },
};
