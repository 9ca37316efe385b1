import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import DialogContentText from '@mui/material/DialogContentText';
import { actionErrorMessage, describeError, type UserFacingError } from '../../app/errors';
import { FormFields, type FieldDef } from '../../components/kit/form-fields';
import { formSchema } from '../../components/kit/form-schema';
import { RecordDialog } from '../../components/kit/RecordDialog';
import { useKitContext } from '../../components/kit/useKitContext';

interface Props {
  typeName: string;
  open: boolean;
  title: string;
  /** The reason field's label ("Reason"). */
  label: string;
  submitLabel: string;
  intro: ReactNode;
  onClose(): void;
  /** Sends the reason; a refusal is shown in the dialog (at the reason when it is about it). */
  onSubmit(reason: string): Promise<void>;
}

/** Asks why before a step that needs a reason on record (voiding an invoice, rejecting an expense). */
export function ReasonDialog({ typeName, open, title, label, submitLabel, intro, onClose, onSubmit }: Props) {
  const ctx = { ...useKitContext(typeName), record: null };
  const fields = useMemo<FieldDef[]>(() => [{ kind: 'multiline', name: 'reason', label, required: true, max: 500, autoFocus: true }], [label]);
  const methods = useForm({ defaultValues: { reason: '' }, resolver: zodResolver(formSchema(fields)) });
  const [formError, setFormError] = useState<UserFacingError | null>(null);
  const { reset } = methods;
  // Empty each time the dialog opens.
  useEffect(() => {
    if (open) {
      reset({ reason: '' });
      setFormError(null);
    }
  }, [open, reset]);
  const submit = methods.handleSubmit(async (v) => {
    setFormError(null);
    try {
      await onSubmit(String(v.reason));
    } catch (err) {
      const d = describeError(err);
      if (d.fields.reason) methods.setError('reason', { type: 'server', message: d.fields.reason });
      else setFormError({ ...d, message: actionErrorMessage(err) });
    }
  });
  return (
    <FormProvider {...methods}>
      <RecordDialog
        open={open}
        title={title}
        submitLabel={submitLabel}
        submitting={methods.formState.isSubmitting}
        formError={formError}
        onClose={onClose}
        onSubmit={() => void submit()}
      >
        <DialogContentText sx={{ mb: 1 }}>{intro}</DialogContentText>
        <FormFields fields={fields} ctx={ctx} />
      </RecordDialog>
    </FormProvider>
  );
}
