import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { CreateDealDocument, UpdateDealDocument } from '../../gql/graphql';
import { renderScreen } from '../../test/render';
import { calendarDate, DealFormDialog } from './DealFormDialog';
import { dealRow, pickerMocks } from './test-data';

describe('DealFormDialog', () => {
  it('checks fields on the client before sending anything', async () => {
    const create = jest.fn();
    const onSaved = jest.fn();
    const mocks = [...pickerMocks, { request: { query: CreateDealDocument }, variableMatcher: () => true, result: create }];
    renderScreen(<DealFormDialog open onClose={() => undefined} onSaved={onSaved} />, { role: 'SALES_REP', mocks });
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByLabelText(/Amount/), '12.345');
    await user.type(screen.getByLabelText('Probability (%)'), '150');
    await user.click(screen.getByRole('button', { name: 'Create deal' }));
    expect(await screen.findAllByText('is required')).toHaveLength(2); // name and account
    expect(screen.getByText('must be an amount with at most 2 decimals')).toBeInTheDocument();
    expect(screen.getByText('must be a whole number from 0 to 100')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: /Account/ })).toHaveAttribute('aria-invalid', 'true');

    await user.clear(screen.getByLabelText(/Amount/));
    await user.type(screen.getByLabelText(/Amount/), '-5');
    await user.click(screen.getByRole('button', { name: 'Create deal' }));
    expect(await screen.findByText('must not be negative')).toBeInTheDocument();
    expect(create).not.toHaveBeenCalled();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('accepts only real calendar days as the expected close date', () => {
    expect(calendarDate('2026-02-28')).toBeNull();
    expect(calendarDate('2028-02-29')).toBeNull();
    expect(calendarDate('2026-02-30')).toBe('must be a date (YYYY-MM-DD)');
    expect(calendarDate('2026-13-01')).toBe('must be a date (YYYY-MM-DD)');
    expect(calendarDate('31.12.2026')).toBe('must be a date (YYYY-MM-DD)');
    expect(calendarDate('')).toBeNull();
  });

  it('offers only open stages at creation and no owner for a rep', async () => {
    renderScreen(<DealFormDialog open onClose={() => undefined} onSaved={jest.fn()} />, { role: 'SALES_REP', mocks: pickerMocks });
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('combobox', { name: /Stage/ }));
    const options = screen.getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['Prospecting', 'Qualification', 'Proposal', 'Negotiation']);
    expect(screen.queryByLabelText('Owner')).not.toBeInTheDocument();
  });

  it('sends the deal and shows the server’s field errors on the fields', async () => {
    const input = { name: 'Boiler service', accountId: 'a2', primaryContactId: 'c2', amount: '1200.5', probability: 20, expectedCloseDate: null, stage: 'QUALIFICATION' };
    const mocks = [
      ...pickerMocks,
      {
        request: { query: CreateDealDocument, variables: { input } },
        result: { errors: [new GraphQLError('Invalid input', { extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['input', 'primaryContactId'], message: 'must be a contact of the deal’s account' }] } })] },
      },
    ];
    renderScreen(<DealFormDialog open onClose={() => undefined} onSaved={jest.fn()} />, { role: 'SALES_REP', mocks });
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByLabelText(/Name/), 'Boiler service');
    await user.click(screen.getByRole('combobox', { name: /Account/ }));
    await user.click(await screen.findByRole('option', { name: 'Globex' }));
    // The contact picker lists the chosen account's contacts.
    const contact = screen.getByRole('combobox', { name: /Primary contact/ });
    await waitFor(() => expect(contact).not.toHaveAttribute('aria-disabled'));
    await user.click(contact);
    await user.click(await screen.findByRole('option', { name: 'Ida Berg' }));
    await user.type(screen.getByLabelText(/Amount/), '1200.5');
    await user.click(screen.getByRole('combobox', { name: /Stage/ }));
    await user.click(screen.getByRole('option', { name: 'Qualification' }));
    await user.type(screen.getByLabelText('Probability (%)'), '20');
    await user.click(screen.getByRole('button', { name: 'Create deal' }));
    expect(await screen.findByText('must be a contact of the deal’s account')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: /Primary contact/ })).toHaveAttribute('aria-invalid', 'true');
  });

  it('says a CONFLICT means someone else changed the deal, and reloads it', async () => {
    const deal = dealRow();
    const reloaded = dealRow({ name: 'Boiler service (renewal)', version: 4 });
    const onReload = jest.fn().mockResolvedValue(reloaded);
    const mocks = [
      ...pickerMocks,
      {
        request: {
          query: UpdateDealDocument,
          variables: { id: 'd1', input: { name: 'Boiler repair', accountId: 'a1', primaryContactId: 'c1', amount: '5000.00', probability: 40, expectedCloseDate: '2026-12-31', ownerId: 'u1' }, expectedVersion: 3 },
        },
        result: { errors: [new GraphQLError('Version conflict', { extensions: { code: 'CONFLICT' } })] },
      },
    ];
    renderScreen(<DealFormDialog open deal={deal} onClose={() => undefined} onSaved={jest.fn()} onReload={onReload} />, { role: 'SALES_MANAGER', mocks });
    const user = userEvent.setup({ delay: null });
    expect(screen.queryByRole('combobox', { name: /Stage/ })).not.toBeInTheDocument(); // stages move with moveDealStage
    const name = screen.getByLabelText(/Name/);
    await user.clear(name);
    await user.type(name, 'Boiler repair');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/Changed by someone else — reload/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(screen.getByLabelText(/Name/)).toHaveValue('Boiler service (renewal)'));
    expect(onReload).toHaveBeenCalledTimes(1);
  });
});
