import { useEffect, useState } from 'react';
import { useController, useFormContext, useWatch } from 'react-hook-form';
import { useQuery } from '@apollo/client/react';
import type { Role, UserFilter } from '../../gql/graphql';
import { UserOptionsDocument } from '../../gql/people';
import { ROLE_LABELS } from '../../app/roles';
import { loadedScreens, loadScreens } from '../../app/registry';
import { RecordPicker } from './RecordPicker';
import type { FieldDef } from './form-fields';
import type { FormContext, PickerOption, PickerSource } from './types';

export const OPTIONS_SIZE = 20;

/** State for a picker's server query: the search text and whether its list is open. */
export function usePickerSearch() {
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(false);
  return { search, open, onSearch: setSearch, onOpenChange: setOpen };
}

/** The picker descriptor of an entity type, from its screens (loaded with the first picker of the type). */
function usePickerSource(entity: string): PickerSource | undefined {
  const [source, setSource] = useState<PickerSource | undefined>(() => loadedScreens(entity)?.picker);
  useEffect(() => {
    if (loadedScreens(entity)) return undefined;
    let live = true;
    void loadScreens(entity).then((s) => live && setSource(s.picker));
    return () => {
      live = false;
    };
  }, [entity]);
  return source;
}

function both(a: Record<string, unknown>, b: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!b || !Object.keys(b).length) return a;
  return Object.keys(a).length ? { and: [a, b] } : b;
}

interface FieldProps {
  def: FieldDef;
  ctx: FormContext;
  prefix: string;
}

/** The controller of a picker field: value, error, helper text and the field's change hook. */
function usePickerField({ def, ctx, prefix }: FieldProps) {
  const { control, getValues, setValue } = useFormContext();
  const { field, fieldState } = useController({ name: `${prefix}${def.name}`, control });
  const values = useWatch({ control }) as Record<string, unknown>;
  const onChange = (next: PickerOption | null) => {
    const previous = field.value;
    field.onChange(next);
    def.onChange?.(next, previous, { get: (n) => getValues(n), set: (n, v) => setValue(n, v, { shouldDirty: true }) });
  };
  return {
    values,
    props: {
      label: def.label,
      required: def.required,
      value: (field.value as PickerOption | null) ?? null,
      onChange,
      error: !!fieldState.error,
      helperText: fieldState.error?.message ?? def.helperText?.(ctx, values),
      disabled: def.disabled?.(ctx),
      inputRef: field.ref,
    },
  };
}

/** A record of another type, searched on the server with that type's picker descriptor. */
export function RecordField(p: FieldProps) {
  const def = p.def as Extract<FieldDef, { kind: 'record' }>;
  const { values, props } = usePickerField(p);
  const source = usePickerSource(def.entity);
  const s = usePickerSearch();
  const filter = source ? both(source.textFilter(s.search), def.filter?.(values)) : {};
  const { data, previousData, loading } = useQuery(source?.query ?? UserOptionsDocument, {
    variables: { filter, first: OPTIONS_SIZE },
    skip: !s.open || !source,
    // Kept out of the cache: option rows must not mix with the list screens' pages of the same connection.
    fetchPolicy: 'no-cache',
  });
  const result = data ?? previousData;
  const options = source && result ? source.options(result) : [];
  return <RecordPicker {...props} options={options} loading={loading} onSearch={s.onSearch} onOpenChange={s.onOpenChange} />;
}

export function userOptionsFilter(holderRoles: Role[], search: string): UserFilter {
  return { active: { eq: true }, role: { in: holderRoles }, ...(search ? { name: { contains: search } } : {}) };
}

/** An owner or assignee: active users of the roles that may hold the form's type (as `me { capabilities }` says), searched by name. */
export function UserField(p: FieldProps) {
  const { props } = usePickerField(p);
  const s = usePickerSearch();
  const { data, previousData, loading } = useQuery(UserOptionsDocument, {
    variables: { filter: userOptionsFilter(p.ctx.caps.holderRoles(p.ctx.typeName), s.search), first: OPTIONS_SIZE },
    skip: !s.open,
    fetchPolicy: 'no-cache',
  });
  const options = ((data ?? previousData)?.users.edges ?? []).map(({ node: u }) => ({ id: u.id, label: u.name, detail: ROLE_LABELS[u.role] }));
  return <RecordPicker {...props} options={options} loading={loading} onSearch={s.onSearch} onOpenChange={s.onOpenChange} />;
}
