import { useEffect, useId, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useApolloClient } from '@apollo/client/react';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import DialogContentText from '@mui/material/DialogContentText';
import { PostJournalEntryDocument, ReverseJournalEntryDocument, type JournalEntryFullFragment } from '../../gql/graphql';
import { useCapabilities } from '../../app/capabilities';
import { actionErrorMessage, describeError, type UserFacingError } from '../../app/errors';
import { recordPath } from '../../app/registry';
import { useNotify } from '../../components/Notifications';
import { FormFields, type FieldDef } from '../../components/kit/form-fields';
import { formSchema } from '../../components/kit/form-schema';
import { forgetLists } from '../../components/kit/forget-lists';
import { RecordDialog } from '../../components/kit/RecordDialog';
import { toLocalInput } from '../../components/kit/format';
import { useKitContext } from '../../components/kit/useKitContext';
import { postBlocker } from './journal-totals';

type Entry = JournalEntryFullFragment & { deletedAt?: string | null };

/** Today where the user is, as a calendar day ("2026-03-31"). */
export const today = (): string => toLocalInput(new Date()).slice(0, 10);

const REVERSAL_FIELDS: FieldDef[] = [{ kind: 'date', name: 'date', label: 'Reversal date', required: true, autoFocus: true }];
const reversalSchema = formSchema(REVERSAL_FIELDS);

/** Asks for the day a reversal is booked on, posts it, and opens the reversal. */
function ReverseDialog({ entry, open, onClose }: { entry: Entry; open: boolean; onClose(): void }) {
  const ctx = { ...useKitContext('JournalEntry'), record: null };
  const client = useApolloClient();
  const navigate = useNavigate();
  const notify = useNotify();
  const methods = useForm({ defaultValues: { date: today() }, resolver: zodResolver(reversalSchema) });
  const [formError, setFormError] = useState<UserFacingError | null>(null);
  const { reset } = methods;
  // A fresh date each time the dialog opens.
  useEffect(() => {
    if (open) {
      reset({ date: today() });
      setFormError(null);
    }
  }, [open, reset]);
  const submit = methods.handleSubmit(async (v) => {
    setFormError(null);
    try {
      const { data } = await client.mutate({
        mutation: ReverseJournalEntryDocument,
        variables: { id: entry.id, date: String(v.date) },
        update: (cache) => forgetLists(cache, 'JournalEntry'),
      });
      const reversal = data!.reverseJournalEntry;
      onClose();
      notify(`${entry.number} reversed by ${reversal.number}`);
      navigate(recordPath('JournalEntry', reversal.id) ?? '/');
    } catch (err) {
      const d = describeError(err);
      if (d.fields.date) methods.setError('date', { type: 'server', message: d.fields.date });
      else setFormError({ ...d, message: actionErrorMessage(err) });
    }
  });
  return (
    <FormProvider {...methods}>
      <RecordDialog
        open={open}
        title={`Reverse ${entry.number}`}
        submitLabel="Reverse"
        submitting={methods.formState.isSubmitting}
        formError={formError}
        onClose={onClose}
        onSubmit={() => void submit()}
      >
        <DialogContentText sx={{ mb: 1 }}>
          Posts the mirror image of {entry.number} on this day: debits become credits. {entry.number} itself stays as it is.
        </DialogContentText>
        <FormFields fields={REVERSAL_FIELDS} ctx={ctx} />
      </RecordDialog>
    </FormProvider>
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
  // Kept with the entry it is about: the page stays mounted when it moves to another entry.
  const [failure, setFailure] = useState<{ id: string; message: string } | null>(null);
  const reasonId = useId();
  const blocker = useMemo(() => (entry?.status === 'DRAFT' ? postBlocker(entry) : null), [entry]);
  if (!entry || entry.deletedAt || !caps.canUpdate('JournalEntry', entry)) return {};

  const post = async () => {
    setPosting(true);
    setFailure(null);
    try {
      const { data } = await client.mutate({
        mutation: PostJournalEntryDocument,
        variables: { id: entry.id },
        update: (cache) => forgetLists(cache, 'JournalEntry'),
      });
      notify(`Posted as ${data!.postJournalEntry.number}`);
    } catch (err) {
      setFailure({ id: entry.id, message: refusal(err) });
    } finally {
      setPosting(false);
      // The history gains the posting; after a refusal, the draft may have changed meanwhile.
      void reload();
    }
  };

  const error = failure?.id === entry.id && (
    <Alert severity="error" sx={{ mb: 2 }} onClose={() => setFailure(null)}>
      {failure.message}
    </Alert>
  );

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
