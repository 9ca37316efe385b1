import type { ComponentType, ReactNode } from 'react';
import type { TypedDocumentNode } from '@apollo/client';
import type { Capabilities, Me } from '../../app/capabilities';
import type { UserFacingError } from '../../app/errors';
import type { FeedEntryFragment } from '../../gql/graphql';
import type { FilterDef } from './filters';
import type { FieldDef } from './form-fields';

/* Descriptors an entity's screens are declared with. The kit's pages read them; a feature writes
   them once per type in its `<thing>.screens.tsx`, loaded with the type's routes. */

// Documents are typed by codegen; the kit handles them by shape, so it accepts any.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDocument = TypedDocumentNode<any, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRecord = { id: string; __typename?: string } & Record<string, any>;

export type Direction = 'ASC' | 'DESC';
export interface SortState {
  field: string;
  direction: Direction;
}

/** What descriptors may look at: who is signed in and what they may do. */
export interface KitContext {
  me: Me;
  caps: Capabilities;
  typeName: string;
}

export interface Connection<Row> {
  totalCount?: number | null;
  edges: { cursor: string; node: Row }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

export interface ColumnDef<Row> {
  id: string;
  label: string;
  sortField?: string;
  render(row: Row, ctx: KitContext): ReactNode;
  /** Hidden below this breakpoint (keeps phone-width tables readable). */
  hideBelow?: 'sm' | 'md' | 'lg';
  align?: 'left' | 'right';
  /** The field it shows: the column is left out when the caller may not read it. */
  field?: string;
  /** The column whose text links to the record's page (not in the trash, whose records have no page). */
  primary?: boolean;
  visible?(ctx: KitContext): boolean;
}

export interface ListScreen<Row extends AnyRecord = AnyRecord> {
  /** Variables: first, after, filter, orderBy, plus `variables(ctx)`. */
  query: AnyDocument;
  /** The connection in the result (default: the entry's list root field). */
  connection?(data: unknown): Connection<Row> | undefined;
  variables?(ctx: KitContext): Record<string, unknown>;
  pageSize?: number;
  defaultSort: SortState;
  /** Sort field → label ("NAME" → "Name"), in the order offered. */
  sorts: Record<string, string>;
  /** The filter bar, in order (a function when some filters depend on what the user may see). */
  filters: FilterDef[] | ((ctx: KitContext) => FilterDef[]);
  columns: ColumnDef<Row>[];
  /** A row in one phrase (buttons, notices): "Acme", "Ada Lovelace". */
  rowLabel(row: Row): string;
  title?: string;
  subtitle?: string;
  createLabel?: string;
  emptyHint?(ctx: KitContext): string | undefined;
  HeaderActions?: ComponentType;
  /** Per-row actions in an "Actions" column; `edit` opens the form dialog for the row. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  RowActions?: ComponentType<{ row: any; ctx: KitContext; edit(): void }>;
  /** A row shown greyed out (a revoked key, a deactivated user). */
  rowMuted?(row: Row): boolean;
  /** A create flow of its own instead of the form dialog (e.g. a key whose secret is shown once). */
  createDialog?: ComponentType<{ open: boolean; onClose(): void; onDone(): void }>;
}

export interface DetailField {
  label: string;
  value: ReactNode;
  /** The field shown: left out when the caller may not read it. */
  field?: string;
}

export interface DetailScreen<Rec extends AnyRecord = AnyRecord> {
  query: AnyDocument;
  variables?(ctx: KitContext): Record<string, unknown>;
  /** The record in the result (default: the field named after the type, e.g. `account`). */
  record?(data: unknown): Rec | null | undefined;
  title(rec: Rec): string;
  subtitle?(rec: Rec, ctx: KitContext): ReactNode;
  fields(rec: Rec, ctx: KitContext): DetailField[];
  /** Related records shown with the record (from the same query); `wide` ones take the whole row. */
  sections?(rec: Rec, ctx: KitContext): { id: string; node: ReactNode; wide?: boolean }[];
  /** The record's history from its `timeline` connection… */
  timeline?(rec: Rec): FeedEntryFragment[];
  /** …or from a component of its own. */
  History?: ComponentType<{ record: Rec }>;
  /** Whether Edit and Delete apply to the record at all (default: yes; e.g. a posted journal entry never changes). */
  changeable?(rec: Rec): boolean;
  /** Header actions and notices beyond edit and delete (called as a hook on every render). */
  useExtras?(rec: Rec | null, reload: () => Promise<unknown>): { actions?: ReactNode; notices?: ReactNode };
  notFound: string;
}

export interface FormContext extends KitContext {
  /** The record being edited; null for a new one. */
  record: AnyRecord | null;
}

export interface FormScreen<Rec extends AnyRecord = AnyRecord> {
  fields: FieldDef[];
  /** Extra variables of the create and update documents (e.g. which guarded fields to return). */
  variables?(ctx: KitContext): Record<string, unknown>;
  /** The record the mutation returned (default: its `create<Type>` or `update<Type>` field). */
  result?(data: unknown): Rec;
  titles: { create: string; edit(rec: Rec): string; submit: string };
  /** Reshapes the checked values into the API input (default: each field under its input name). */
  toInput?(values: Record<string, unknown>, ctx: FormContext, defaults: Record<string, unknown>): Record<string, unknown>;
  /** A write of its own; `write` is the default (create or update with the input). */
  save?(input: Record<string, unknown>, ctx: FormContext, write: (input: Record<string, unknown>) => Promise<AnyRecord>): Promise<Rec>;
  /** A notice after saving (e.g. "Sam can now sign in"). */
  savedMessage?(rec: Rec, created: boolean): string;
  /** Reads an error the form explains its own way (null: the usual message). */
  mapError?(error: UserFacingError, ctx: FormContext): UserFacingError | null;
}

/** Searching records of a type for a picker. */
export interface PickerSource {
  /** Variables: filter, first. */
  query: AnyDocument;
  textFilter(text: string): Record<string, unknown>;
  options(data: unknown): PickerOption[];
}

export interface PickerOption {
  id: string;
  label: string;
  detail?: string;
  /** Whatever dependent fields need (e.g. a contact's account). */
  data?: Record<string, unknown>;
}

export interface EntityScreens {
  list?: ListScreen;
  detail?: DetailScreen;
  form?: FormScreen;
  picker?: PickerSource;
  documents?: { create?: AnyDocument; update?: AnyDocument; delete?: AnyDocument; restore?: AnyDocument };
}

/** A column another type adds to this type's list: its cells come from a hook given the loaded rows. */
export interface ExtensionColumn {
  id: string;
  label: string;
  hideBelow?: 'sm' | 'md' | 'lg';
  visible?(ctx: KitContext): boolean;
  /** Called once per render of the list (always, in the same order). */
  useCells(ids: string[], ctx: KitContext): (id: string) => ReactNode;
}

export interface ExtensionProps {
  record: AnyRecord;
  typeName: string;
  ctx: KitContext;
}

export interface ExtensionPart {
  id: string;
  /** Sections: take the whole row. */
  wide?: boolean;
  visible?(ctx: KitContext, record: AnyRecord): boolean;
  Component: ComponentType<ExtensionProps>;
}

export interface TypeExtension {
  columns?: ExtensionColumn[];
  sections?: ExtensionPart[];
  actions?: ExtensionPart[];
}

/** What an entry adds to other types, keyed by their type name. */
export type EntityExtensions = Record<string, TypeExtension>;

export type { FilterDef, FieldDef, UserFacingError };
