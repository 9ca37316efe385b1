import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { FormProvider, useForm, type FieldValues } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import DialogContentText from '@mui/material/DialogContentText';
import type { ZodType } from 'zod';
import { actionErrorMessage, describeError, type UserFacingError } from '../../app/errors';
import { FormFields, type FieldDef } from './form-fields';
import { formSchema } from './form-schema';
import { RecordDialog } from './RecordDialog';
import { useKitContext } from './useKitContext';

/** A refusal as the dialog shows it above the fields: its first field message, else the message for its code. */
const actionRefusal = (err: unknown): UserFacingError => ({ ...describeError(err), message: actionErrorMessage(err) });

export interface FieldsDialogProps<V> {
  /** The type whose kit context the fields see (pickers, capabilities). */
  typeName: string;
  open: boolean;
  title: string;
  submitLabel: string;
  /** A sentence or two above the fields. */
  intro?: ReactNode;
  fields: FieldDef[];
  /** The values the form starts from, read each time the dialog opens (never while the user types). */
  start(): Record<string, unknown>;
  /** Checks what was typed; by default the fields' own schema. */
  schema?: ZodType;
  /** How a refusal that names none of the fields reads above them; by default its first field message. */
  describe?(err: unknown): UserFacingError;
  /** Reloads the record after a CONFLICT. */
  onReload?(): void;
  onClose(): void;
  /**
   * Sends the checked values. Returns field messages found before sending (field name → message);
   * a thrown refusal lands on the fields it names, else above the fields.
   */
  onSubmit(values: V): Promise<Record<string, string> | void>;
}

/**
 * A small form in a dialog for one step (a reason, a date, a payment): react-hook-form with a zod
 * schema, fresh values each time it opens, and the server's field errors on the fields.
 */
export function FieldsDialog<V = Record<string, unknown>>(p: FieldsDialogProps<V>) {
  const ctx = { ...useKitContext(p.typeName), record: null };
  const schema = useMemo(() => p.schema ?? formSchema(p.fields), [p.schema, p.fields]);
  const methods = useForm<FieldValues>({ defaultValues: p.start(), resolver: zodResolver(schema as never) as never });
  const [formError, setFormError] = useState<UserFacingError | null>(null);
  const start = useRef(p.start);
  start.current = p.start;
  const { reset } = methods;
  // Fresh values each time the dialog opens.
  useEffect(() => {
    if (p.open) {
      reset(start.current());
      setFormError(null);
    }
  }, [p.open, reset]);

  const names = new Set(p.fields.map((f) => f.name));
  const place = (fields: Record<string, string>, type: string) => {
    const placed = Object.entries(fields).filter(([name]) => names.has(name));
    for (const [name, message] of placed) methods.setError(name, { type, message });
    return placed.length > 0;
  };
  const submit = methods.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const found = await p.onSubmit(values as V);
      if (found) place(found, 'validate');
    } catch (err) {
      if (!place(describeError(err).fields, 'server')) setFormError((p.describe ?? actionRefusal)(err));
    }
  });

  return (
    <FormProvider {...methods}>
      <RecordDialog
        open={p.open}
        title={p.title}
        submitLabel={p.submitLabel}
        submitting={methods.formState.isSubmitting}
        formError={formError}
        onReload={p.onReload}
        onClose={p.onClose}
        onSubmit={() => void submit()}
      >
        {p.intro && <DialogContentText sx={{ mb: 1 }}>{p.intro}</DialogContentText>}
        <FormFields fields={p.fields} ctx={ctx} />
      </RecordDialog>
    </FormProvider>
  );
}
