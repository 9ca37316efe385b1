import { useId, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useApolloClient } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import type { JournalEntryFullFragment } from '../../gql/graphql';
import { PostJournalEntryDocument, ReverseJournalEntryDocument } from '../../gql/journal-entries';
import { useCapabilities } from '../../app/capabilities';
import { actionErrorMessage } from '../../app/errors';
import { recordPath } from '../../app/registry';
import { useNotify } from '../../components/Notifications';
import { FieldsDialog } from '../../components/kit/FieldsDialog';
import type { FieldDef } from '../../components/kit/form-fields';
import { forgetLists } from '../../components/kit/forget-lists';
import { useRecordFailure } from '../../components/kit/useRecordFailure';
import { today } from '../../components/kit/format';
import { postBlocker } from './journal-totals';

type Entry = JournalEntryFullFragment & { deletedAt?: string | null };

const REVERSAL_FIELDS: FieldDef[] = [{ kind: 'date', name: 'date', label: 'Reversal date', required: true, autoFocus: true }];
const onToday = () => ({ date: today() });

/** Asks for the day a reversal is booked on, posts it, and opens the reversal. */
function ReverseDialog({ entry, open, onClose }: { entry: Entry; open: boolean; onClose(): void }) {
  const client = useApolloClient();
  const navigate = useNavigate();
  const notify = useNotify();
  const reverse = async (v: { date: string }) => {
    const { data } = await client.mutate({
      mutation: ReverseJournalEntryDocument,
      variables: { id: entry.id, date: String(v.date) },
      update: (cache) => forgetLists(cache, 'JournalEntry'),
    });
    const reversal = data!.reverseJournalEntry;
    onClose();
    notify(`${entry.number} reversed by ${reversal.number}`);
    navigate(recordPath('JournalEntry', reversal.id) ?? '/');
  };
  return (
    <FieldsDialog
      typeName="JournalEntry"
      open={open}
      title={`Reverse ${entry.number}`}
      submitLabel="Reverse"
      intro={`Posts the mirror image of ${entry.number} on this day: debits become credits. ${entry.number} itself stays as it is.`}
      fields={REVERSAL_FIELDS}
      start={onToday}
      onClose={onClose}
      onSubmit={reverse}
    />
  );
}

/** A refusal as a sentence: the lock date's rule comes as a field message ("is in a closed period…") about the entry's date. */
function refusal(err: unknown): string {
  const message = actionErrorMessage(err);
  return /^[a-z]/.test(message) ? `Its date ${message}` : message;
}

/**
 * The journal entry page's commands for those who write the journal: "Post" for a draft (disabled,
 * with the reason, until the server would accept it) and "Reverse…" for a posted entry that stands
 * and that a person made.
 */
export function useJournalEntryActions(entry: Entry | null, reload: () => Promise<unknown>) {
  const caps = useCapabilities();
  const client = useApolloClient();
  const notify = useNotify();
  const [posting, setPosting] = useState(false);
  const [reversing, setReversing] = useState(false);
  const { fail, notice: error } = useRecordFailure(entry?.id);
  const reasonId = useId();
  const blocker = useMemo(() => (entry?.status === 'DRAFT' ? postBlocker(entry) : null), [entry]);
  if (!entry || entry.deletedAt || !caps.canUpdate('JournalEntry', entry)) return {};

  const post = async () => {
    setPosting(true);
    fail(null);
    try {
      const { data } = await client.mutate({
        mutation: PostJournalEntryDocument,
        variables: { id: entry.id },
        update: (cache) => forgetLists(cache, 'JournalEntry'),
      });
      notify(`Posted as ${data!.postJournalEntry.number}`);
    } catch (err) {
      fail(refusal(err));
    } finally {
      setPosting(false);
      // The history gains the posting; after a refusal, the draft may have changed meanwhile.
      void reload();
    }
  };

  if (entry.status === 'DRAFT') {
    return {
      actions: (
        <Button variant="contained" disabled={!!blocker || posting} aria-describedby={blocker ? reasonId : undefined} onClick={() => void post()}>
          Post
        </Button>
      ),
      notices: (
        <>
          {error}
          {blocker && (
            <Alert severity="info" id={reasonId} sx={{ mb: 2 }}>
              Not ready to post: {blocker}
            </Alert>
          )}
        </>
      ),
    };
  }
  if (entry.reversedBy) return { notices: error };
  // What an invoice, payment or expense posted is undone there (an unpaid invoice is voided).
  if (entry.source === 'INVOICE' || entry.source === 'PAYMENT' || entry.source === 'EXPENSE') return { notices: error };
  return {
    actions: (
      <Button variant="outlined" onClick={() => setReversing(true)}>
        Reverse…
      </Button>
    ),
    notices: (
      <>
        {error}
        <ReverseDialog entry={entry} open={reversing} onClose={() => setReversing(false)} />
      </>
    ),
  };
}
