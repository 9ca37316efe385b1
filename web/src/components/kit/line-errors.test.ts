import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { describeError } from '../../app/errors';
import type { FieldDef } from './form-fields';
import { explainLineErrors } from './line-errors';

const refusal = (...fields: { path: (string | number)[]; message: string }[]) =>
  new CombinedGraphQLErrors({ errors: [{ message: 'The input is invalid', extensions: { code: 'BAD_USER_INPUT', fields } }] });

const FIELDS: FieldDef[] = [
  { kind: 'text', name: 'description', label: 'Description' },
  {
    kind: 'lines',
    name: 'lines',
    label: 'Lines',
    addLabel: 'Add line',
    newRow: () => ({}),
    columns: [
      { kind: 'record', name: 'ledgerAccount', label: 'Ledger account', entity: 'LedgerAccount' },
      { kind: 'text', name: 'description', label: 'Description' },
    ],
  },
];

describe('explainLineErrors', () => {
  it('leaves an error about no line as it is', () => {
    const err = refusal({ path: ['input', 'description'], message: 'is too long' }, { path: ['input', 'lines'], message: 'needs a line' });
    const described = describeError(err);
    expect(explainLineErrors(err, described, FIELDS)).toBe(described);
  });

  it('names a line column by its input key, and keeps a field of the same name outside the lines apart', () => {
    const err = refusal(
      { path: ['input', 'lines', 2, 'description'], message: 'is too long' },
      { path: ['input', 'lines', 0, 'ledgerAccountId'], message: 'is inactive: new postings may not use it' },
      { path: ['input', 'description'], message: 'is required' },
    );
    expect(explainLineErrors(err, describeError(err), FIELDS)).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'A line needs attention: Ledger account is inactive: new postings may not use it; Description is too long',
      fields: { description: 'is required' },
    });
  });
});
