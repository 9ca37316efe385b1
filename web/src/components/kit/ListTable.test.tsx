import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { AppThemeProvider } from '../../app/theme';
import { ListTable, RowLink, type TableColumn } from './ListTable';

type Row = { id: string; name: string; amount: string; active: boolean };

const COLUMNS: TableColumn<Row>[] = [
  { id: 'name', label: 'Name', sortField: 'NAME', render: (r) => <RowLink to={`/things/${r.id}`}>{r.name}</RowLink> },
  { id: 'amount', label: 'Amount', align: 'right', hideBelow: 'md', render: (r) => r.amount },
];

const ROWS: Row[] = [
  { id: 'a', name: 'Acme', amount: '10.00', active: true },
  { id: 'b', name: 'Globex', amount: '20.50', active: false },
];

function renderTable(onSort = jest.fn()) {
  render(
    <AppThemeProvider>
      <MemoryRouter>
        <ListTable<Row>
          label="Things"
          columns={COLUMNS}
          rows={ROWS}
          sort={{ field: 'NAME', direction: 'ASC' }}
          onSort={onSort}
          loading={false}
          hasMore={false}
          onLoadMore={() => undefined}
          totalCount={2}
          empty={null}
          rowMuted={(r) => !r.active}
        />
      </MemoryRouter>
    </AppThemeProvider>,
  );
  return onSort;
}

describe('ListTable', () => {
  it('draws each row as table cells styled by the table: primary text, muted rows secondary, right-aligned and hidden columns marked', () => {
    renderTable();
    const table = screen.getByRole('table', { name: 'Things' });
    const [header, acme, globex] = within(table).getAllByRole('row');
    expect(
      within(header)
        .getAllByRole('columnheader')
        .map((c) => c.textContent),
    ).toEqual(['Name', 'Amount']);
    expect(
      within(acme)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Acme', '10.00']);

    const [acmeName, acmeAmount] = within(acme).getAllByRole('cell');
    const [globexName] = within(globex).getAllByRole('cell');
    // The table's one rule set gives the cells MUI's body-cell look; a muted row reads as secondary text.
    expect(getComputedStyle(acmeName).padding).toBe('6px 16px');
    expect(getComputedStyle(acmeName).color).toBe('rgba(0, 0, 0, 0.87)');
    expect(getComputedStyle(globexName).color).toBe('rgba(0, 0, 0, 0.6)');
    expect(getComputedStyle(acmeAmount).textAlign).toBe('right');
    // A column hidden below a breakpoint is hidden in the header and the body by one rule.
    expect(acmeAmount).toHaveAttribute('data-hide-below', 'md');
    expect(within(header).getByRole('columnheader', { name: 'Amount' })).toHaveAttribute('data-hide-below', 'md');
    const link = within(acmeName).getByRole('link', { name: 'Acme' });
    expect(link).toHaveAttribute('href', '/things/a');
    expect(getComputedStyle(link).color).toBe('rgb(31, 95, 168)');
    expect(acme).not.toHaveAttribute('data-muted');
    expect(globex).toHaveAttribute('data-muted');
  });

  it('sorts from the column header and says how many rows of how many are shown', async () => {
    const onSort = renderTable();
    await userEvent.click(screen.getByRole('button', { name: 'Name' }));
    expect(onSort).toHaveBeenCalledWith('NAME');
    expect(screen.getByText('Showing 2 of 2')).toBeInTheDocument();
  });
});
