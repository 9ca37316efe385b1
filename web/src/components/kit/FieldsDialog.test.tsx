import { useState } from 'react';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { renderScreen } from '../../test/render';
import { FieldsDialog } from './FieldsDialog';
import type { FieldDef } from './form-fields';

configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);

const FIELDS: FieldDef[] = [
  { kind: 'text', name: 'label', label: 'Label', required: true, max: 20 },
  { kind: 'int', name: 'count', label: 'Count', min: 1, max: 9 },
];

/** A refusal as Apollo hands it over: BAD_USER_INPUT with field paths, or another code. */
const refusal = (code: string, fields: { path: string[]; message: string }[] = []) =>
  new CombinedGraphQLErrors({ errors: [{ message: 'Refused', extensions: { code, fields } }] });

type Values = { label: string; count: number | null };

function Harness({ onSubmit }: { onSubmit(v: Values): Promise<Record<string, string> | void> }) {
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(0);
  return (
    <>
      <button
        onClick={() => {
          setOpened((n) => n + 1);
          setOpen(true);
        }}
      >
        Open
      </button>
      <FieldsDialog<Values>
        typeName="Account"
        open={open}
        title="Name it"
        submitLabel="Send"
        intro="What is it called?"
        fields={FIELDS}
        start={() => ({ label: `Try ${opened}`, count: '' })}
        onClose={() => setOpen(false)}
        onSubmit={async (v) => {
          const found = await onSubmit(v);
          if (!found) setOpen(false);
          return found;
        }}
      />
    </>
  );
}

describe('FieldsDialog', () => {
  it('starts fresh each opening, checks with the schema, and sends the checked values', async () => {
    const onSubmit = jest.fn().mockResolvedValue(undefined);
    renderScreen(<Harness onSubmit={onSubmit} />);
    const u = userEvent.setup({ delay: null });
    await u.click(screen.getByRole('button', { name: 'Open' }));
    const dialog = await screen.findByRole('dialog', { name: 'Name it' });
    expect(within(dialog).getByText('What is it called?')).toBeInTheDocument();
    const label = within(dialog).getByLabelText(/^Label/);
    expect(label).toHaveValue('Try 1');

    await u.clear(label);
    await u.click(within(dialog).getByRole('button', { name: 'Send' }));
    expect(await within(dialog).findByText(/required/i)).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();

    await u.type(label, 'Boiler');
    await u.type(within(dialog).getByLabelText(/^Count/), '3');
    await u.click(within(dialog).getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ label: 'Boiler', count: 3 }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    // Opened again: the start values are read anew.
    await u.click(screen.getByRole('button', { name: 'Open' }));
    expect(within(await screen.findByRole('dialog')).getByLabelText(/^Label/)).toHaveValue('Try 2');
  });

  it('puts returned and server field messages on their fields, and any other refusal above them', async () => {
    const onSubmit = jest
      .fn()
      .mockResolvedValueOnce({ count: 'is too many for now' })
      .mockRejectedValueOnce(refusal('BAD_USER_INPUT', [{ path: ['input', 'label'], message: 'is already used' }]))
      .mockRejectedValueOnce(refusal('BAD_USER_INPUT', [{ path: ['id'], message: 'The record is closed' }]))
      .mockRejectedValueOnce(refusal('FORBIDDEN'));
    renderScreen(<Harness onSubmit={onSubmit} />);
    const u = userEvent.setup({ delay: null });
    await u.click(screen.getByRole('button', { name: 'Open' }));
    const dialog = await screen.findByRole('dialog', { name: 'Name it' });
    const send = () => u.click(within(dialog).getByRole('button', { name: 'Send' }));

    await send();
    expect(await within(dialog).findByText('is too many for now')).toBeInTheDocument();
    await send();
    expect(await within(dialog).findByText('is already used')).toBeInTheDocument();
    // About no field of the dialog: its message, above the fields.
    await send();
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The record is closed');
    await send();
    await waitFor(() => expect(within(dialog).getByRole('alert')).toHaveTextContent('You do not have permission to do that.'));
    expect(onSubmit).toHaveBeenCalledTimes(4);
  });
});
