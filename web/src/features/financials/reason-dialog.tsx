import { useMemo, type ReactNode } from 'react';
import { FieldsDialog } from '../../components/kit/FieldsDialog';
import type { FieldDef } from '../../components/kit/form-fields';

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

const empty = () => ({ reason: '' });

/** Asks why before a step that needs a reason on record (voiding an invoice, rejecting an expense). */
export function ReasonDialog({ typeName, open, title, label, submitLabel, intro, onClose, onSubmit }: Props) {
  const fields = useMemo<FieldDef[]>(() => [{ kind: 'multiline', name: 'reason', label, required: true, max: 500, autoFocus: true }], [label]);
  return (
    <FieldsDialog<{ reason: string }>
      typeName={typeName}
      open={open}
      title={title}
      submitLabel={submitLabel}
      intro={intro}
      fields={fields}
      start={empty}
      onClose={onClose}
      onSubmit={(v) => onSubmit(String(v.reason))}
    />
  );
}
