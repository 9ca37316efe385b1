import { useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { ContactDetailDocument, DeleteContactDocument, RestoreContactDocument, type ContactDetailQuery } from '../../gql/graphql';
import { PageHeader } from '../../components/PageHeader';
import { DetailFields, Section } from '../../components/DetailFields';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { Timeline } from '../../components/Timeline';
import { formatDate } from '../../components/format';
import { useDeleteWithUndo } from '../../components/useDeleteWithUndo';
import { useCurrentUser } from '../../app/current-user';
import { canRead, canWrite } from '../../app/roles';
import { InteractionFormDialog } from '../interactions/InteractionFormDialog';
import { contactOption } from '../interactions/InteractionPickers';
import { TYPE_LABELS, formatDateTime } from '../interactions/interaction-format';
import { ContactFormDialog } from './ContactFormDialog';
import { forgetContactLists } from './contact-cache';
import { contactName } from './contact-filters';

type Interactions = NonNullable<NonNullable<ContactDetailQuery['contact']>['interactions']>;

function InteractionsSection({ contactId, interactions, onLog }: { contactId: string; interactions: Interactions; onLog?(): void }) {
  const shown = interactions.edges.length;
  return (
    <Section
      title={`Interactions (${interactions.totalCount})`}
      actions={
        onLog && (
          <Button size="small" variant="outlined" onClick={onLog}>
            Log interaction
          </Button>
        )
      }
    >
      {shown === 0 ? (
        <Typography variant="body2" color="text.secondary">No interactions yet.</Typography>
      ) : (
        <List dense disablePadding>
          {interactions.edges.map(({ node: i }) => (
            <ListItem key={i.id} disableGutters divider>
              <ListItemText
                primary={<Link component={RouterLink} to={`/interactions/${i.id}`}>{i.subject}</Link>}
                secondary={[TYPE_LABELS[i.type], formatDateTime(i.occurredAt), i.deal?.name].filter(Boolean).join(' · ')}
              />
            </ListItem>
          ))}
        </List>
      )}
      {interactions.totalCount > shown && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          <Link component={RouterLink} to={`/interactions?contact=${contactId}`}>
            All {interactions.totalCount} interactions
          </Link>
        </Typography>
      )}
    </Section>
  );
}

export function ContactDetailPage() {
  const { id = '' } = useParams();
  const me = useCurrentUser();
  const [editing, setEditing] = useState(false);
  const [logging, setLogging] = useState(false);
  // DISPATCHER and ACCOUNTANT read contacts but not interactions: the field is not even asked for.
  const withInteractions = canRead(me.role, 'interactions');
  const { data, loading, error, refetch } = useQuery(ContactDetailDocument, { variables: { id, withInteractions } });
  const navigate = useNavigate();
  const [remove] = useMutation(DeleteContactDocument);
  const [restore] = useMutation(RestoreContactDocument, { variables: { id } });
  const deleteWithUndo = useDeleteWithUndo();

  if (loading && !data) return <LoadingState />;
  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const contact = data?.contact;
  if (!contact) return <EmptyState title="Contact not found">It may have been deleted, or you may not have access to it.</EmptyState>;
  const writable = canWrite(me.role, 'contacts');
  const name = contactName(contact);

  return (
    <>
      <PageHeader
        title={name}
        subtitle={[contact.title, contact.account?.name].filter(Boolean).join(' · ') || undefined}
        actions={
          writable && (
            <>
              <Button variant="outlined" onClick={() => setEditing(true)}>
                Edit
              </Button>
              <Button
                color="error"
                variant="outlined"
                onClick={() =>
                  void deleteWithUndo({
                    label: name,
                    // A trashed contact is no longer found by id: the page gives way to the list, and Undo comes back.
                    remove: () => remove({ variables: { id }, update: (cache) => forgetContactLists(cache, [contact.account?.id]) }),
                    restore: () => restore({ update: (cache) => forgetContactLists(cache, [contact.account?.id]) }),
                    onDeleted: () => navigate('/contacts'),
                    onRestored: () => navigate(`/contacts/${id}`),
                  })
                }
              >
                Delete
              </Button>
            </>
          )
        }
      />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <DetailFields
            fields={[
              ['Title', contact.title],
              [
                'Account',
                contact.account ? (
                  <>
                    <Link component={RouterLink} to={`/accounts/${contact.account.id}`}>
                      {contact.account.name}
                    </Link>
                    {contact.account.deletedAt ? ' (in the trash)' : ''}
                  </>
                ) : null,
              ],
              ['Email', contact.email ? <Link href={`mailto:${contact.email}`}>{contact.email}</Link> : null],
              ['Phone', contact.phone ? <Link href={`tel:${contact.phone}`}>{contact.phone}</Link> : null],
              ['Owner', contact.owner.name],
              ['Created', formatDate(contact.createdAt)],
              ['Updated', formatDate(contact.updatedAt)],
            ]}
          />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Timeline entries={contact.timeline.edges.map((e) => e.node)} />
        </Grid>
        {contact.interactions && (
          <Grid size={12}>
            <InteractionsSection
              contactId={contact.id}
              interactions={contact.interactions}
              onLog={canWrite(me.role, 'interactions') ? () => setLogging(true) : undefined}
            />
          </Grid>
        )}
      </Grid>
      <ContactFormDialog
        open={editing}
        contact={contact}
        onClose={() => setEditing(false)}
        onSaved={() => setEditing(false)}
        onReload={async () => (await refetch()).data?.contact}
      />
      {withInteractions && (
        <InteractionFormDialog
          open={logging}
          presets={{ contact: contactOption(contact) }}
          onClose={() => setLogging(false)}
          onSaved={() => setLogging(false)}
        />
      )}
    </>
  );
}
