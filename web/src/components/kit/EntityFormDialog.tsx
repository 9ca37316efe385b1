import { useEffect, useMemo, useRef, useState } from 'react';
import { FormProvider, useForm, type FieldValues, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useApolloClient } from '@apollo/client/react';
import { describeError, type UserFacingError } from '../../app/errors';
import { useFeed } from '../../features/activity/FeedProvider';
import { useNotify } from '../Notifications';
import { forgetLists } from './forget-lists';
import { formSchema } from './form-schema';
import { FormFields, initialValue, inputKey, type FieldDef } from './form-fields';
import { explainLineErrors } from './line-errors';
import { RecordDialog } from './RecordDialog';
import { declaredVariables, useKitContext } from './useKitContext';
import type { AnyRecord, EntityScreens, FormContext } from './types';

export interface EntityFormDialogProps {
  typeName: string;
  screens: EntityScreens;
  open: boolean;
  /** The record to edit, as the cache has it now (it may change while the dialog is open); none for a new one. */
  record?: AnyRecord | null;
  /** Values a new record starts with, by field name (e.g. the deal a task is added from). */
  presets?: Record<string, unknown>;
  onClose(): void;
  onSaved(record: AnyRecord, created: boolean): void;
  /** Fetches the latest version (after a CONFLICT). */
  onReload?(): Promise<AnyRecord | null | undefined>;
}

/**
 * The create/edit dialog of a type, from its form descriptor: react-hook-form with the zod schema
 * the fields declare; server field errors land on the fields (those about lines, in one sentence above
 * them). Each opening starts a fresh form from the record as it was then, so a refetch behind the
 * dialog never resets what the user typed.
 */
export function EntityFormDialog(p: EntityFormDialogProps) {
  const [session, setSession] = useState(0);
  const [wasOpen, setWasOpen] = useState(p.open);
  if (p.open !== wasOpen) {
    setWasOpen(p.open);
    if (p.open) setSession((s) => s + 1);
  }
  if (!p.open && session === 0) return null;
  return <FormBody key={session} {...p} />;
}

function defaultInput(fields: FieldDef[], out: Record<string, unknown>, dirty: Record<string, unknown>, editing: boolean): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const f of fields) {
    const key = inputKey(f);
    if (key === null || (editing && f.onlyChanged && !dirty[f.name])) continue;
    const v = out[f.name];
    if (f.omitWhenEmpty && (v == null || v === '')) continue;
    input[key] = v;
  }
  return input;
}

function FormBody({ typeName, screens, open, record, presets, onClose, onSaved, onReload }: EntityFormDialogProps) {
  const form = screens.form!;
  const kit = useKitContext(typeName);
  const client = useApolloClient();
  const { entries } = useFeed();
  const notify = useNotify();
  // The record as it was when the dialog opened (or was reloaded): the values and the version edited against.
  const [base, setBase] = useState<AnyRecord | null>(record ?? null);
  const ctx: FormContext = useMemo(() => ({ ...kit, record: base }), [kit, base]);
  const fields = useMemo(() => form.fields.filter((f) => f.visible?.(ctx) ?? true), [form, ctx]);
  const schema = useMemo(() => formSchema(fields), [fields]);
  const schemaRef = useRef(schema);
  schemaRef.current = schema;
  const valuesOf = (rec: AnyRecord | null) =>
    Object.fromEntries(fields.map((f) => [f.name, !rec && presets && f.name in presets ? presets[f.name] : initialValue(f, rec, ctx)]));
  const resolver: Resolver<FieldValues> = (values, context, options) => zodResolver(schemaRef.current)(values, context, options as never) as never;
  const methods = useForm<FieldValues>({ defaultValues: valuesOf(base), resolver });
  const { isDirty, isSubmitting, dirtyFields } = methods.formState;
  const [formError, setFormError] = useState<UserFacingError | null>(null);
  // The version the user chose to keep their values over ("Keep yours"); their next save then meets CONFLICT.
  const [kept, setKept] = useState(0);
  const saving = useRef(false);

  const adopt = (rec: AnyRecord) => {
    setBase(rec);
    setKept(0);
    setFormError(null);
    methods.reset(valuesOf(rec));
  };

  const latest = record ?? null;
  const changedElsewhere =
    !!base &&
    !!latest &&
    latest.id === base.id &&
    typeof latest.version === 'number' &&
    latest.version > base.version &&
    latest.version > kept &&
    !saving.current;
  // Nothing typed yet: simply show the new version.
  useEffect(() => {
    if (changedElsewhere && !isDirty && latest) adopt(latest);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [changedElsewhere, isDirty]);
  const actor = changedElsewhere
    ? (entries.find((e) => e.entityType === typeName && e.entityId === base!.id && e.actor?.id !== kit.me.id)?.actor?.name ?? 'someone else')
    : null;

  const write = async (input: Record<string, unknown>): Promise<AnyRecord> => {
    const docs = screens.documents ?? {};
    const extra = form.variables?.(kit) ?? {};
    const doc = base ? docs.update! : docs.create!;
    const variables = base ? { id: base.id, input, expectedVersion: base.version, ...extra } : { input, ...extra };
    const { data } = await client.mutate({
      mutation: doc,
      variables: declaredVariables(doc, variables),
      update: (cache) => forgetLists(cache, typeName, base ? 'edit' : 'membership'),
    });
    const d = data as Record<string, AnyRecord>;
    return form.result ? form.result(data) : (d[`create${typeName}`] ?? d[`update${typeName}`]);
  };

  const submit = methods.handleSubmit(async (out) => {
    setFormError(null);
    saving.current = true;
    try {
      const defaults = defaultInput(fields, out, dirtyFields, !!base);
      const input = form.toInput ? form.toInput(out, ctx, defaults) : defaults;
      const saved = form.save ? await form.save(input, ctx, write) : await write(input);
      const message = form.savedMessage?.(saved, !base);
      if (message) notify(message);
      onSaved(saved, !base);
    } catch (err) {
      saving.current = false;
      const described = describeError(err);
      // Errors about lines read as one sentence above the fields, shown even when other fields have theirs.
      const explained = explainLineErrors(err, described, fields);
      const mapped = form.mapError?.(explained, ctx) ?? explained;
      const byInput = new Map(fields.map((f) => [inputKey(f) ?? f.name, f.name]));
      let placed = false;
      for (const [key, message] of Object.entries(mapped.fields)) {
        const name = byInput.get(key) ?? fields.find((f) => f.name === key)?.name;
        if (!name) continue;
        methods.setError(name, { type: 'server', message });
        placed = true;
      }
      if (!placed || mapped.code !== 'BAD_USER_INPUT' || explained !== described) setFormError(mapped);
    }
  });

  const reload = async () => {
    const fresh = (await onReload?.()) ?? latest;
    if (fresh) adopt(fresh);
  };

  return (
    <FormProvider {...methods}>
      <RecordDialog
        open={open}
        title={base ? form.titles.edit(base) : form.titles.create}
        submitLabel={base ? 'Save' : form.titles.submit}
        submitting={isSubmitting}
        formError={formError}
        onReload={base ? () => void reload() : undefined}
        remoteChange={
          changedElsewhere && isDirty && latest ? { actor: actor!, onReload: () => adopt(latest), onKeep: () => setKept(latest.version as number) } : null
        }
        onClose={onClose}
        onSubmit={() => void submit()}
        wide={fields.some((f) => f.kind === 'lines')}
      >
        <FormFields fields={fields} ctx={ctx} />
      </RecordDialog>
    </FormProvider>
  );
}
