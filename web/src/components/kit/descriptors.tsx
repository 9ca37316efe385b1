import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import Link from '@mui/material/Link';
import { recordPath } from '../../app/registry';
import { formatPhone, phoneHref, phoneInputText } from './phone';
import type { FieldDef } from './form-fields';
import type { AnyRecord, ColumnDef, FilterDef, KitContext, PickerOption } from './types';

/* Pieces many entities' descriptors share. */

/** A link to a record's page (plain text when the type has none). */
export function RecordLink({ type, id, children }: { type: string; id: string; children: ReactNode }) {
  const to = recordPath(type, id);
  return to ? (
    <Link component={RouterLink} to={to}>
      {children}
    </Link>
  ) : (
    <>{children}</>
  );
}

export function PhoneLink({ value }: { value: string | null | undefined }) {
  return value ? <Link href={phoneHref(value)}>{formatPhone(value)}</Link> : <>—</>;
}

export function EmailLink({ value }: { value: string | null | undefined }) {
  return value ? <Link href={`mailto:${value}`}>{value}</Link> : <>—</>;
}

/** A related record as a picker value: `{ id, label }`. */
export function option(ref: { id: string; name: string } | null | undefined): PickerOption | null {
  return ref ? { id: ref.id, label: ref.name } : null;
}

/**
 * The signed-in user as a new record's owner or assignee, when their role may hold the type's
 * records (the server refuses any other); otherwise nobody, for the user to pick.
 */
export function selfIfHolder(ctx: KitContext, type: string): PickerOption | null {
  return ctx.caps.holderRoles(type).includes(ctx.me.role) ? { id: ctx.me.id, label: ctx.me.name } : null;
}

/** The owner: managers and admins may give a record to a colleague; others own what they create. */
export function ownerField(type: string): FieldDef {
  return {
    kind: 'user',
    name: 'owner',
    label: 'Owner',
    half: true,
    visible: (ctx) => ctx.caps.canAssignOwner(type),
    initial: (ctx) => selfIfHolder(ctx, type),
    from: (rec) => option(rec.owner),
    omitWhenEmpty: true,
  };
}

/** A phone field: shows the stored number readably; the server normalises what is typed. */
export function phoneField(name = 'phone', label = 'Phone'): FieldDef {
  return { kind: 'phone', name, label, half: true, from: (rec) => phoneInputText(rec[name] as string | null) };
}

export const ownerColumn: ColumnDef<AnyRecord> = { id: 'owner', label: 'Owner', render: (r) => r.owner?.name ?? '—', hideBelow: 'md' };

/** The filters nearly every list has: "Mine", created in a date range, the trash. */
export const mineFilter: FilterDef = { kind: 'mine' };
export const createdFilter: FilterDef = { kind: 'dateRange', key: 'created', label: 'Created', field: 'createdAt', instant: true };
export const trashFilter: FilterDef = { kind: 'trash' };
/** Records that can be retired (users, ledger accounts): `?status=active|inactive`. */
export const activeFilter: FilterDef = {
  kind: 'boolean',
  key: 'status',
  label: 'Status',
  field: 'active',
  yes: { value: 'active', label: 'Active' },
  no: { value: 'inactive', label: 'Inactive' },
};

/** Each typed word must match one of the fields ("ada love" finds Ada Lovelace). */
export function wordsFilter(fields: string[]) {
  return (text: string): Record<string, unknown> => {
    const words = text.split(/\s+/).filter(Boolean);
    const any = (w: string) => ({ or: fields.map((f) => ({ [f]: { contains: w } })) });
    return words.length === 1 ? any(words[0]) : { and: words.map(any) };
  };
}

/** The edges of a record's timeline connection, for the Timeline component. */
export function timelineOf<T>(rec: { timeline?: { edges: { node: T }[] } | null }): T[] {
  return rec.timeline?.edges.map((e) => e.node) ?? [];
}
